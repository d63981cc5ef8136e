# for with break, continue and else, over many iterables
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("no")
for ch in "abc":
    print(ch, end=" ")
print()
for x in [1, 2]:
    pass
else:
    print("else after full loop, x =", x)
for x in []:
    print("never")
else:
    print("else on empty")
primes = []
for n in range(2, 50):
    for p in primes:
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
for k in {"b": 1, "a": 2}:
    print(k)
for t in (1, "two", 3.0, None):
    print(type(t))
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i + 1:
            break
        print(i, j)
total = 0
for i in range(10, 0, -3):
    total += i
print(total)
for i, v in enumerate(["x", "y", "z"], 1):
    print(i, v)
for a, b in zip("ab", [1, 2, 3]):
    print(a, b)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
print(lst)
for i in range(3):
    i = 10
print(i)
