# the same hot loop at module level (globals) and inside a function (locals)
total = 0
i = 0
while i < 30000:
    total += i % 7 * (i & 3)
    i += 1
print(total, i)
def f():
    total = 0
    i = 0
    while i < 30000:
        total += i % 7 * (i & 3)
        i += 1
    return total, i
print(f())
acc = 0.0
for k in range(1, 20001):
    acc += 1.0 / (k * k)
print(acc)
def g():
    acc = 0.0
    for k in range(1, 20001):
        acc += 1.0 / (k * k)
    return acc
print(g(), g() == acc)
xs = []
for k in range(1000):
    xs.append(k * k % 101)
print(sum(xs), max(xs), xs[-5:])
def h():
    xs = []
    for k in range(1000):
        xs.append(k * k % 101)
    return sum(xs), max(xs), xs[-5:]
print(h())
