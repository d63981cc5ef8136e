# globals() is the module's live namespace and obj.__dict__ the instance's live attributes.
def f(): return 1
def h(): return 2

def call_f_many(n):
    t = 0
    for i in range(n):
        t += f()
    return t

print(call_f_many(100))
g = globals()
g['f'] = h                      # rebinding through the mapping reaches every reader
print(f(), call_f_many(100))
print(g is globals(), type(g).__name__, 'f' in g, 'nope' in g)

def sum(xs): return "my sum"
print(sum([1, 2]))
del globals()['sum']            # the builtin shows again
print(sum([1, 2]))

globals()['new_global'] = 41
print(new_global + 1)
globals().update({'u1': 1, 'u2': 2})
print(u1 + u2, globals().get('u1'), globals().get('missing', 'dflt'))
print(globals().pop('u2'), 'u2' in globals())
try:
    print(u2)
except NameError as e:
    print("NameError:", e)
names = [k for k in globals() if not k.startswith('_')]
print(names)
print(sorted(k for k, v in globals().items() if isinstance(v, int) and not k.startswith('_')))
counter = 0
def bump():
    for i in range(50):
        globals()['counter'] += 1
bump(); bump()
print(counter)
# a loop whose global is rebound through globals() while it runs
total = 0
for i in range(100):
    total += f()
    if i == 50:
        globals()['f'] = lambda: 10
print(total)
try:
    globals()['nothing_here']
except KeyError as e:
    print("KeyError:", e)
try:
    del globals()['nothing_here']
except KeyError as e:
    print("KeyError:", e)
print(globals().setdefault('sd', 5), globals().setdefault('sd', 6), sd)

class P:
    kind = "class attr"
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self): return self.x * self.x + self.y * self.y

p = P(3, 4)
d = p.__dict__
print(d, len(d), 'x' in d, 'kind' in d, d.get('y'), d.get('z', 'none'))
d['z'] = 5
print(p.z, d)
d['x'] = 10
print(p.x, p.norm())
del d['y']
print(hasattr(p, 'y'), d, list(d), list(d.keys()), list(d.values()), list(d.items()))
p.y = 7  # (re-added: CPython puts it last; Lbbv keeps the class's slot order, so sort)
print(sorted(d.items()), vars(p) == {'x': 10, 'z': 5, 'y': 7})
d.update(w=1, x=2)
print(p.w, p.x, sorted(d.items()))
print(d.pop('w'), hasattr(p, 'w'))
p.__dict__.clear()
print(p.__dict__, hasattr(p, 'x'), p.kind)
p.__dict__['kind'] = "instance attr"
print(p.kind, P.kind)
q = P(1, 2)
print(vars(q), {**vars(q)}, dict(vars(q)), vars(q).copy())
for k, v in vars(q).items():
    print(k, v)
try:
    for k in q.__dict__:
        q.__dict__['extra'] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)

# Writes through __dict__ while a hot loop reads the attribute (typed slots in the JIT).
class Acc:
    def __init__(self): self.n = 0
acc = Acc()
s = 0
for i in range(200):
    s += acc.n if isinstance(acc.n, int) else len(acc.n)
    acc.__dict__['n'] = i if i < 100 else "x" * (i - 100)
print(s, acc.n)

# A method shadowed by an instance attribute set through __dict__.
class M:
    def go(self): return "method"
m = M(); res = []
for i in range(60):
    res.append(m.go())
    if i == 30: m.__dict__['go'] = lambda: "from dict"
print(res[30], res[31], res[59])
print(M().__dict__, vars(M()))

# Printing a namespace whose values' __repr__ allocates enough to run the collector meanwhile.
class Noisy:
    def __repr__(self):
        junk = [[i] * 50 for i in range(12000)]
        return "N%d" % len(junk)
class Holder: pass
holder = Holder()
for i in range(12):
    setattr(holder, "attr_%d" % i, Noisy())
print(vars(holder))
