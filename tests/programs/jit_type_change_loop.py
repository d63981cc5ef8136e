# a hot loop whose variables change type: int -> big int -> float -> str
def accumulate(values):
    total = values[0]
    for v in values[1:]:
        total = total + v
    return total
print(accumulate(list(range(1000))))
print(accumulate([2 ** 62, 2 ** 62, 2 ** 62, -(2 ** 62)]))
print(accumulate([1, 2.5, 3, 4.25]))
print(accumulate(["a", "b", "c"]))
print(accumulate([[1], [2, 3], []]))
print(accumulate([(1,), (2,)]))
x = 0
for i in range(3000):
    if i == 1000:
        x = float(x)
    elif i == 2000:
        x = int(x) * 10 ** 15
    x = x + i
print(x, type(x))
y = 1
trace = []
for i in range(200):
    y = y * 3
    if i % 50 == 49:
        trace.append(type(y).__name__ + ":" + str(len(str(y))))
print(trace, y % 1000)
vals = []
for i in range(12):
    if i % 4 == 0:
        v = i
    elif i % 4 == 1:
        v = i / 2
    elif i % 4 == 2:
        v = str(i)
    else:
        v = [i]
    vals.append(v * 2)
print(vals)
def cmp_all(a, b):
    return a < b, a == b, a > b
for pair in [(1, 2), (2.5, 2), (3, 3.0), ("a", "b"), ((1, 2), (1, 3)), (2 ** 70, 2 ** 69), (-1, -1.5)]:
    print(cmp_all(pair[0], pair[1]))
z = 10
for i in range(100):
    z = z - 0.5 if i % 2 else z + 1
print(z, type(z))
