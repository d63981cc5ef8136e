# Metaclasses (user subclasses of type), class keywords, __init_subclass__, __set_name__,
# __mro_entries__, __class_getitem__ and type(name, bases, ns).
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.registered = name.lower()
        cls.kw = kw
    def __iter__(cls):
        return iter(cls.items)
    def __len__(cls):
        return len(cls.items)
    def __contains__(cls, x):
        return x in cls.items
    def __getitem__(cls, k):
        return cls.items[k]
    def __repr__(cls):
        return "<Meta %s>" % cls.__name__
    def describe(cls):
        return "described " + cls.__name__
    @property
    def count(cls):
        return len(cls.items)
class Base(metaclass=Meta, flag=1):
    items = [1, 2, 3]
class Child(Base):
    items = ["a"]
print(type(Base), Base.__class__, Base, Child, Base.registered, Base.kw, Child.kw)
print(list(Base), len(Base), 2 in Base, Base[0], Child.describe(), Base.count, list(Child))
print(isinstance(Base, Meta), isinstance(Base, type), type(Child) is Meta)
class Counting(type):
    calls = 0
    def __call__(cls, *a, **k):
        Counting.calls += 1
        inst = super().__call__(*a, **k)
        inst.made_by = "Counting"
        return inst
class Thing(metaclass=Counting):
    def __init__(self, v): self.v = v
t1 = Thing(1); t2 = Thing(v=2)
print(Counting.calls, t1.v, t2.v, t1.made_by)
for i in range(50): Thing(i)
print(Counting.calls)
class Check(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Check): pass
class D:
    quack = 1
print(isinstance(D(), Duck), isinstance(1, Duck), issubclass(D, Duck), issubclass(int, Duck))
class P:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        print("init_subclass", cls.__name__, tag)
class Q(P, tag="q"): pass
class R(Q): pass
print(Q.tag, R.tag)
try:
    class Bad(flag=1): pass
except TypeError as e: print(e)
def factory(name, bases, ns, **kw):
    return (name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
class F(metaclass=factory, extra=3):
    a = 1
print(F)
X = type("X", (P,), {"z": 5, "m": lambda self: self.z * 2})
print(X.z, X().m(), X.__name__, X.tag)
class Desc:
    def __set_name__(self, owner, name):
        self.name = name
        print("set_name", owner.__name__, name)
class U:
    field = Desc()
print(U.field.name)
class G:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(G[int], G["x"])
class Entry:
    def __mro_entries__(self, bases):
        return (P,)
class Via(Entry()):
    pass
print(Via.__mro__, Via.__orig_bases__[0].__class__.__name__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner, repr(Outer.Inner())[:30])
class M2(type): pass
try:
    class C2(Base, metaclass=M2): pass
except TypeError as e: print(e)
class NewMeta(type):
    def __new__(mcs, name, bases, ns):
        ns["added"] = "by __new__"
        return super().__new__(mcs, name, bases, ns)
class WithNew(metaclass=NewMeta): pass
print(WithNew.added, type(WithNew).__name__)
