# while with break, continue, else
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("not printed")
print("after", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else ran, n =", n)
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(k) for k in range(1, 20)], collatz(27))
a, b = 0, 1
fibs = []
while True:
    if b > 1000:
        break
    fibs.append(b)
    a, b = b, a + b
print(fibs)
outer = 0
while outer < 3:
    inner = 0
    while inner < 5:
        inner += 1
        if inner == 3:
            break
    else:
        print("inner else")
    outer += 1
    print("outer", outer, "inner", inner)
def find(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            break
        i += 1
    else:
        return -1
    return i
print(find([5, 6, 7], 7), find([5, 6, 7], 8), find([], 1))
count = 0
while count < 100000:
    count += 1
print(count)
