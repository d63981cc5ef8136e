# unpacking in assignment and for targets, nested and starred
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcdef"
print(h, mid, t)
x, *empty = [9]
print(x, empty)
p, (q, *r), s = 1, (2, 3, 4), 5
print(p, q, r, s)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for (x1, y1), z1 in [((1, 2), 3), ((4, 5), 6)]:
    print(x1 + y1 + z1)
for head, *tail in [[1, 2, 3], [4], (5, 6)]:
    print(head, tail)
i = j = k0 = 0
i += 1
print(i, j, k0)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
class P:
    pass
o = P()
o.x, o.y = 10, 20
print(o.x, o.y)
m = [[0, 0], [0, 0]]
m[0][1], m[1][0] = 7, 8
print(m)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
n1, n2 = divmod(17, 5)
print(n1, n2)
a, b, c = {3: "x", 1: "y", 2: "z"}
print(a, b, c)
(a), b = 1, 2
print(a, b)
fib = [0, 1]
for _ in range(10):
    *_, pre, cur = fib
    fib.append(pre + cur)
print(fib)
