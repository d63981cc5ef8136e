# slice assignment and deletion
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[1:1] = [100, 200, 300]
print(a)
a[-2:] = []
print(a)
a[::2] = [0] * len(a[::2])
print(a)
b = list(range(8))
b[1::3] = ["x", "y", "z"]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(10))
del c[0]
print(c)
del c[-1]
print(c)
del c[2:4]
print(c)
del c[::2]
print(c)
d = [1, 2, 3]
d[:] = "xyz"
print(d)
d[len(d):] = [9, 9]
print(d)
e = [1, 2, 3, 4, 5]
e[1:4] = range(3)
print(e)
e[::-1] = list(range(5))
print(e)
del e[:]
print(e, len(e))
f = [1, 2, 3]
f[5:] = [4]
print(f)
f[-10:1] = [0]
print(f)
