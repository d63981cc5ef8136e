# super() and explicit lookups find the methods classes inherit from object and BaseException.
class E(Exception):
    def __str__(self): return "E:" + super().__str__()
    def __repr__(self): return "E!" + super().__repr__()
print(str(E("x")), repr(E("x", 2)), str(E()), [E("a")])

class K(KeyError):
    def __str__(self): return "K" + super().__str__()
print(K("key"))

class Plain:
    def __init__(self, v):
        super().__init__()
        self.v = v
    def __repr__(self): return "Plain(%r) / %s" % (self.v, super().__repr__()[:14])
    def __str__(self): return "str:" + super().__str__()
    def __eq__(self, o): return super().__eq__(o)
    def __hash__(self): return super().__hash__() & 0
print(repr(Plain(1)), str(Plain(2)))
p = Plain(3)
print(p == p, p == Plain(3), p != p, p != Plain(3), hash(p))
print(p.__eq__(5), object.__eq__(p, p), object.__ne__(p, 1), Plain.__ne__(p, p))
print(object.__lt__(p, p), p.__lt__(p))

class Base:
    def __init__(self, *args):
        super().__init__()
        self.args = args
class Child(Base):
    def __init__(self):
        super().__init__(1, 2)
print(Child().args)
try:
    class Bad:
        def __init__(self):
            super().__init__(1)
    Bad()
except TypeError as e:
    print("TypeError:", e)

# object's methods reached through the class and the instance
class Q: pass
q = Q()
object.__setattr__(q, "a", 1)
print(q.a, object.__getattribute__(q, "a"), Q.__repr__(q)[:12], q.__repr__()[:12], q.__str__()[:12])
object.__delattr__(q, "a")
print(hasattr(q, "a"), q.__format__("")[:12], format(q, "")[:12])
print(type(q.__hash__()).__name__, q.__hash__() == hash(q))
try:
    object.__format__(q, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    object.__repr__()
except TypeError as e:
    print("TypeError:", e)
try:
    BaseException.__str__(5)
except TypeError as e:
    print("TypeError:", e)
print(BaseException.__str__(ValueError("v")), Exception.__repr__(KeyError("k")), ValueError("z").__str__())

# __setattr__, __getattribute__ and __delattr__ defined by a class, delegating with super()
class Logged:
    def __init__(self):
        self.x = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 10 if isinstance(value, int) else value)
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return "fallback " + name
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
lg = Logged()
print(lg.x, lg.secret, lg.other)
lg.y = 2
setattr(lg, "z", "s")
print(lg.y, lg.z, getattr(lg, "w"), hasattr(lg, "x"))
del lg.y
print(lg.y)
total = 0
for i in range(100):          # hot: the hooks run every time
    lg.x = i
    total += lg.x
print(total)

# a hook added to a class after its attribute sites are hot
class Late:
    def __init__(self): self.n = 0
late = Late(); seen = []
for i in range(80):
    late.n = i
    seen.append(late.n)
    if i == 40:
        Late.__getattribute__ = lambda self, name: -1
    if i == 60:
        def setter(self, name, value): object.__setattr__(self, name, value + 1000)
        Late.__setattr__ = setter
print(seen[40], seen[41], seen[61], object.__getattribute__(late, "n"))

class ExcHook(Exception):
    def __getattribute__(self, name):
        if name == "extra": return "exc extra"
        return super().__getattribute__(name)
print(ExcHook("m").extra, ExcHook("m").args)

# super() in classmethods and through several levels
class A0:
    @classmethod
    def make(cls): return "A0.make(%s)" % cls.__name__
    def who(self): return "A0"
class A1(A0):
    @classmethod
    def make(cls): return "A1>" + super().make()
    def who(self): return "A1>" + super().who()
class A2(A1):
    def who(self): return "A2>" + super().who()
print(A2.make(), A2().who(), super(A1, A2()).who())
try:
    super().__str__()
except RuntimeError as e:
    print("RuntimeError:", e)
