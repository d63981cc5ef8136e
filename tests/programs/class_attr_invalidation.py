# Class attribute changes after call sites have run must be seen by every cached lookup.
class A:
    kind = "A-kind"
    def greet(self, i): return "A%d" % i
    def other(self): return "A.other"
class B(A): pass
class C(B): pass

def call_greet(o, i): return o.greet(i)
def read_kind(o): return o.kind

b = B(); c = C(); a = A()
out = []
for i in range(200):
    out.append(call_greet(b, i) + call_greet(c, i) + call_greet(a, i))
    if i == 50: B.greet = lambda self, i: "B%d" % i          # shadows A.greet in the subclass
    if i == 100: A.greet = lambda self, i: "A'%d" % i        # replaced on the base
    if i == 150: del B.greet                                  # the base's method shows again
    if i == 170: C.greet = staticmethod(lambda i: "Cs%d" % i)
print(out[50], out[51], out[100], out[101], out[150], out[151], out[170], out[171], out[199])

kinds = []
for i in range(120):
    kinds.append(read_kind(c) + "/" + read_kind(b))
    if i == 40: B.kind = "B-kind"
    if i == 80: A.kind = "A2"; del B.kind
    if i == 100: C.kind = property(lambda self: "C-prop")
print(kinds[40], kinds[41], kinds[81], kinds[101], kinds[119])

# An instance attribute that shadows a method after the method site is hot.
class D:
    def m(self): return "class m"
d = D(); d2 = D()
res = []
for i in range(100):
    res.append(d.m() + "|" + d2.m())
    if i == 30: d.m = lambda: "instance m"
    if i == 60: del d.m
print(res[30], res[31], res[61], res[99])

# A class attribute lookup with no instance (class-level reads) and a late base attribute.
class E: pass
class F(E): pass
def get_f(): return getattr(F, "late", "missing")
vals = []
for i in range(80):
    vals.append(get_f())
    if i == 20: E.late = "on E"
    if i == 40: F.late = "on F"
    if i == 60: del F.late; del E.late
print(vals[20], vals[21], vals[41], vals[61], vals[79])

# Class attributes read through instances in a hot loop, the value changing.
class Counter:
    step = 1
def total(n):
    o = Counter(); s = 0
    for i in range(n):
        s += o.step
        if i == n // 2: Counter.step = 10
    return s
print(total(1000), total(1000))
Counter.step = 1

# A method replaced on a class while instances of a subclass keep calling it in a loop.
class Shape:
    def area(self): return 1
class Sq(Shape):
    def __init__(self, s): self.s = s
def sum_areas(items, flip):
    t = 0
    for k, it in enumerate(items):
        t += it.area()
        if k == flip: Shape.area = lambda self: 100
        if k == flip * 2: Sq.area = lambda self: self.s * self.s
    return t
print(sum_areas([Sq(i % 5) for i in range(300)], 100))

# __dunder__ replaced on the class after use.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __repr__(self): return "V(%d)" % self.x
    def __len__(self): return 1
acc = []
for i in range(60):
    acc.append(repr(V(i) + V(1)) + str(len(V(0))))
    if i == 20: V.__add__ = lambda self, o: V(self.x * 1000)
    if i == 40: V.__repr__ = lambda self: "<%d>" % self.x; V.__len__ = lambda self: 7
print(acc[20], acc[21], acc[41], acc[59])

# An attribute stored on instances after a method of that name was cached.
class G:
    def val(self): return "method"
gs = [G() for _ in range(4)]
outs = []
for i in range(40):
    for g in gs:
        outs.append(g.val() if callable(g.val) else g.val)
    if i == 10: gs[2].val = lambda: "inst"
print(outs[40:48], outs[-4:])

# Changes made inside a callee while the caller's loop keeps running.
class P:
    def __init__(self): self.n = 0
    def tick(self): return 1
class Q(P): pass
def mutate(k):
    if k == 25: P.tick = lambda self: 2
    if k == 50: Q.tick = lambda self: 3
    if k == 75: setattr(P, "tick", lambda self: 4)
def run_ticks():
    q = Q(); p = P(); s = []
    for k in range(100):
        s.append(q.tick() * 10 + p.tick())
        mutate(k)
    return s
r = run_ticks()
print(r[25], r[26], r[51], r[76], r[99])

# A method that replaces itself on its class.
class Self:
    def f(self):
        Self.f = lambda self: "second"
        return "first"
sf = Self()
print([sf.f() for _ in range(3)])

# __init__ replaced after instantiation is hot; __init__ added to a base later.
class I0: pass
class I1(I0):
    def __init__(self): self.v = 1
made = []
for k in range(60):
    made.append(I1().v)
    if k == 20: I1.__init__ = lambda self: setattr(self, "v", 2)
    if k == 40: del I1.__init__; I0.__init__ = lambda self: setattr(self, "v", 3)
print(made[20], made[21], made[41], made[59])

# A polymorphic site (several classes) whose classes change one at a time.
class K1:
    def who(self): return 1
class K2(K1): pass
class K3(K1):
    def who(self): return 3
class K4(K2): pass
objs = [K1(), K2(), K3(), K4()]
seen = []
for k in range(120):
    seen.append(sum(o.who() for o in objs))
    if k == 30: K2.who = lambda self: 20
    if k == 60: K1.who = lambda self: 100
    if k == 90: del K2.who
print(seen[30], seen[31], seen[61], seen[91], seen[119])

# A property added to a base class shadows an instance attribute read in a hot loop.
class R0: pass
class R1(R0):
    def __init__(self): self.x = 5
rr = R1(); xs = []
for k in range(60):
    xs.append(rr.x)
    if k == 30: R0.x = property(lambda self: -1)
print(xs[30], xs[31], xs[59])
del R0.x
print(rr.x)

# type(o).attr = ... and setattr on an instance, read through super().
class S0:
    def name(self): return "S0"
class S1(S0):
    def name(self): return "S1>" + super().name()
s1 = S1(); names = []
for k in range(40):
    names.append(s1.name())
    if k == 10: type(s1).__bases__[0].name = lambda self: "S0'"
    if k == 20: setattr(s1, "name", lambda: "inst")
print(names[10], names[11], names[21], names[39])
