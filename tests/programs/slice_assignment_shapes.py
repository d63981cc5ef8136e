# Slice assignment and deletion in every shape: rotations, prefix reversals in place, windows, strides
# (forward and backward), a list assigned to a slice of itself, tuples, str and list-subclass sources.
def rotate(xs, k):
    xs[:] = xs[k:] + xs[:k]
    return xs

def flip_prefix(xs, k):
    xs[:k + 1] = xs[k::-1]

a = list(range(12))
total = 0
for step in range(3000):
    k = step % 11
    flip_prefix(a, k)
    if step % 7 == 0:
        rotate(a, 3)
    if step % 13 == 0:
        a[2:5] = (a[4], a[3], a[2])
    if step % 17 == 0:
        a[::3] = a[::3][::-1]
    total += a[0] * 3 + a[-1]
print(total, a)
b = list(range(30))
b[1:3] = b            # the list itself
print(len(b), b[:6])
c = list(range(20))
del c[::3]
print(c)
d = list(range(20))
del d[-1:2:-4]
print(d)
e = list(range(10))
del e[8:1:-2]
print(e)
f = [1.5, 2.5, 3.5]
f[1:2] = [1, 2]
print(f, sum(f))
g = list(range(6))
g[::2] = "xyz"
print(g)
try:
    g[::2] = [1, 2]
except ValueError as ex:
    print("ValueError", ex)
h = list(range(5))
h[3:1] = (9, 9)
print(h)
t = list(range(8))
t[::-2] = t[:4]
print(t)
del t[::-1]
print(t)
u = list(range(7))
u[::-1] = u
print(u)
w = list(range(6))
w[1::2] = w[::2]
print(w)
class L(list):
    pass
m = L([1, 2, 3])
v = list(range(5))
v[1:4] = m
print(v, type(m).__name__)
