# the same call site and attribute access seeing many receiver types
class A:
    def __init__(self):
        self.v = 1
    def get(self):
        return self.v
class B:
    def __init__(self):
        self.w = 0
        self.v = 2.5
    def get(self):
        return self.v * 2
class C(A):
    def get(self):
        return "C" + str(self.v)
class D:
    v = "class-attr"
    def get(self):
        return self.v
objs = [A(), B(), C(), D()]
out = []
for i in range(400):
    o = objs[i % 4]
    out.append(o.get())
print(out[:8], len(out))
vsum = 0
for i in range(400):
    o = objs[i % 2]
    vsum += o.v
print(vsum)
def describe(x):
    return len(x) if isinstance(x, (str, list, tuple, dict, range)) else x
print([describe(v) for v in ["abc", [1, 2], 7, (1,), {}, 2.5, range(4)]])
def double(x):
    return x + x
results = []
for v in [1, 2.0, "s", [1], (2,), 2 ** 64, True, -0.0]:
    for _ in range(50):
        r = double(v)
    results.append(r)
print(results)
def index_any(seq, i):
    return seq[i]
print([index_any(s, 1) for s in ["xyz", [7, 8], (5, 6), range(10, 20), {1: "one"}]])
def length_all(items):
    return [len(x) for x in items]
print(length_all(["ab", [1], (), {1: 2, 3: 4}, {1, 2, 3}, range(5), frozenset([1])]))
c = C()
a_get = A.get
print(a_get(c), c.get())
for o in objs:
    o.extra = type(o).__name__
print([o.extra for o in objs])
