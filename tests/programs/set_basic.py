# sets and frozensets
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s)
s.add(4)
s.add(1)
s.discard(10)
s.discard(3)
print(s)
s.remove(4)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 2, 3} > {1}, {1} >= {2}, {1, 2} == {2, 1})
p = set()
while len(p) < 5:
    p.add(len(p) * 7 % 5)
print(p, sorted(p))
x = {5}
print(x.pop(), x)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
f = frozenset([1, 2, 3])
print(f, type(f), f | {4}, f & {2, 9}, 2 in f, frozenset() == set(), f == {1, 2, 3})
print({f: "frozen key"}[frozenset({3, 2, 1})])
print(set("hello") == {"h", "e", "l", "o"}, len(set("mississippi")))
print(set([1, 2, 2, 3]), set(range(5)), set(), frozenset())
u = {10, 20}
u |= {30}
u &= {10, 30, 40}
u -= {10}
u ^= {1, 30}
print(u)
print(sorted({-5, 100, 3, 64, 1000, 7}), {-1, -2, 0}, {100, 33, 64, 65})
print(sum({1, 2, 3}), max({4, 9, 2}), {1.5, 2.5} & {2.5})
print({True, 1, 1.0}, {0, False})
