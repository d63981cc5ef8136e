# Slices of every sequence kind, computed bounds (__index__), a user __getitem__, and the errors: the JIT fuses BuildSlice with the subscript
class I:
    def __init__(self, v): self.v = v
    def __index__(self):
        print("index", self.v); return self.v
class G:
    def __getitem__(self, k): return k
def f():
    l = list(range(10)); t = tuple(l); s = "héllo wörld"; r = range(3, 30, 2)
    for x in (l, t, s, r):
        print(x[2:5], x[::-1], x[1:8:3], x[-3:], x[:-2], x[I(1):I(4)], x[5:2], x[::-2])
    print(G()[1:2], G()[::3])
    try:
        l[::0]
    except ValueError as e:
        print("VE", e)
    try:
        l["a":]
    except TypeError as e:
        print("TE", e)
    try:
        n = 5
        n[1:2]
    except TypeError as e:
        print("TE", e)
    a = l[:]; a.append(1); print(len(a), len(l))
for i in range(3): f()
