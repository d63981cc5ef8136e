# Methods of builtin types loaded without a helper: list.append, set.add, dict.get, str.lower,
# one call site seeing several builtin types, a receiver whose type changes, and errors raised
# by the methods.

def fill(n):
    out = []
    s = set()
    d = {}
    w = ""
    for i in range(n):
        out.append(i)
        s.add(i % 7)
        d[i % 3] = d.get(i % 3, 0) + 1
        w = "Ab".lower() + w[:3]
    return len(out), sorted(s), d, w

def counts(objs):
    out = []
    for o in objs:
        out.append(o.count("1") if isinstance(o, str) else o.count(1))
    return out

def index_all(objs, x):
    out = []
    for o in objs:
        try:
            out.append(o.index(x))
        except ValueError as e:
            out.append("ValueError")
    return out

class Box:
    def __init__(self):
        self.items = []
    def append(self, x):
        self.items.append(x * 10)
        return None

def append_to(target, n):
    for i in range(n):
        target.append(i)
    return target

def pop_until_empty(xs):
    popped = []
    while True:
        try:
            popped.append(xs.pop())
        except IndexError as e:
            popped.append(str(e))
            return popped

for _ in range(30):
    r1 = fill(50)
    r2 = counts([[1, 1], (1, 2), "a1", [2], (1, 1, 1), "111"])
    r3 = index_all([[5, 6], (6, 5), [7]], 6)
    r4 = append_to([], 3)
    r5 = append_to(Box(), 3).items
    r6 = pop_until_empty([1, 2, 3])
print(r1)
print(r2)
print(r3)
print(r4, r5)
print(r6)
print(index_all(["abc", "cab"], "b"))
