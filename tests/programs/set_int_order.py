# iteration order of sets of ints (deterministic in CPython), through growth and removal
s = set()
for i in [5, 3, 17, 1, 33, 9, 65, 2]:
    s.add(i)
    print(s)
print({-1, -2, -3, 0, 1, 2})
print({8, 16, 24, 32, 40, 48, 56, 64, 72})
print({100, 200, 300, 1000, 10000, 7, 8})
big = set(range(0, 200, 7))
print(big)
for i in range(0, 200, 14):
    big.discard(i)
print(big)
print(set([2 ** 40, 2 ** 20, 1, 2 ** 61, 2 ** 62]))
print({i * i for i in range(-5, 6)})
t = {1, 2, 3}
t.add(9)
t.add(17)
t.remove(1)
t.add(1)
print(t, list(t))
u = {10, 20, 30}
v = {30, 40, 10}
print(u | v, u & v, u ^ v, v - u, v | u)
print(frozenset({64, 1, 32, 2, 16}))
p = {3, 11, 19, 27}
print(p, p.pop(), p)
print(sorted({-7, 4, -1}), list({0: 1, -1: 2, 5: 3}))
