class A:
    def who(self): return 'A'
    def chain(self): return ['A']
class B(A):
    def who(self): return 'B'
    def chain(self): return ['B'] + super().chain()
class C(A):
    def who(self): return 'C'
    def chain(self): return ['C'] + super().chain()
class D(B, C):
    def chain(self): return ['D'] + super().chain()

def names(cls):
    return [k.__name__ for k in cls.__mro__]

print(names(D), [k.__name__ for k in D.mro()], D().who(), D().chain())
print([b.__name__ for b in D.__bases__], D.__base__.__name__, isinstance(D(), C), issubclass(D, A))

class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print(names(M))

try:
    class Bad(A, B): pass
except TypeError as e:
    print(e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print(e)
try:
    class Conflict(list, dict): pass
except TypeError as e:
    print(e)

class Mixin:
    def describe(self):
        return f'{type(self).__name__} of {len(self)}'
class MList(Mixin, list): pass
m = MList([1, 2, 3])
print(m.describe(), m, names(MList))

class Base:
    def __init__(self, **kw):
        self.log = ['Base']
class Left(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append('Left')
class Right(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append('Right')
class Both(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append('Both')
print(Both().log)

class E1(Exception): pass
class Tag: pass
class E2(Tag, E1): pass
try:
    raise E2('boom')
except E1 as e:
    print('caught', type(e).__name__, e, isinstance(e, Tag))

class Slotted:
    __slots__ = ('a', 'b')
s = Slotted()
s.a = 1
print(s.a)
try:
    s.z = 1
except AttributeError as e:
    print(e)
try:
    print(s.b)
except AttributeError as e:
    print(e)
try:
    print(s.__dict__)
except AttributeError as e:
    print(e)
class Open(Slotted): pass
o = Open(); o.z = 5; print(o.z, o.__dict__)
class More(Slotted):
    __slots__ = 'x'
mo = More(); mo.x = 1; mo.a = 2; print(mo.x, mo.a)
try:
    mo.q = 1
except AttributeError as e:
    print(e)
class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict(); w.q = 1; print(w.q)
try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print(e)
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
p = Point(1, 2)
print(p, p[0] + p[1])
try:
    p.z = 3
except AttributeError as e:
    print(e)

class NotFound(KeyError, AttributeError):
    pass
try:
    raise NotFound('k')
except AttributeError as e:
    print('as AttributeError', type(e).__name__, isinstance(e, KeyError), repr(e))
import io
print(issubclass(io.UnsupportedOperation, ValueError), issubclass(io.UnsupportedOperation, OSError))
