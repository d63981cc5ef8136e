# tuples
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t))
print((), (1,), (1, 2) + (3,), (0,) * 3, 2 in t, 5 not in t)
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 99))
print(t.count(2), t.index(3), tuple([4, 5]), tuple("ab"), tuple(range(3)))
a, b, c = t
print(a, b, c)
x = 1, 2
print(x, type(x))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2, (3,))) == hash((1, 2, (3,))))
d = {(0, 0): "origin", (1, 2): "p"}
print(d[(1, 2)], d[0, 0])
print(sorted([(2, 1), (1, 2), (1, 1)]), max([(1, "b"), (1, "a")]))
def mm(xs):
    return min(xs), max(xs)
lo, hi = mm([3, 9, 1])
print(lo, hi, mm([5]))
l = [1, 2]
t2 = (l, 3)
l.append(9)
print(t2)
print(tuple(), (1, "a", None, 2.5))
print(repr((1,)), str(("a",)))
