# Decorators of every form, print(file=...), and global/nonlocal edge cases.
import sys


def deco(f):
    def w(*a, **k):
        print("call", f.__name__)
        return f(*a, **k)
    w.__name__ = f.__name__
    w.__doc__ = f.__doc__
    w.__qualname__ = f.__qualname__
    w.__module__ = f.__module__
    w.__wrapped__ = f
    return w


def with_args(n):
    def d(f):
        f.tag = n
        return f
    return d


class Registry:
    def __init__(self):
        self.items = []

    def register(self, f):
        self.items.append(f.__name__)
        return f


reg = Registry()
decos = [deco, with_args(3)]


@deco
@with_args(5)
def a(x):
    "doc of a"
    return x + 1


print(a(1), a.__name__, a.__doc__, a.__qualname__, a.__wrapped__.tag, a.__module__)


@reg.register
def b():
    pass


@decos[1]
def c():
    pass


@(lambda f: f)
def d():
    pass


@with_args(1) if True else None
def e():
    pass


print(reg.items, c.tag, d.__name__, e.tag, sorted(c.__dict__))


@with_args("cls")
class K:
    @staticmethod
    @deco
    def s(x):
        return x * 2

    @classmethod
    def cm(cls):
        return cls.__name__

    @property
    def p(self):
        return self._p

    @p.setter
    def p(self, v):
        self._p = v * 10


k = K()
k.p = 2
print(K.tag, K.s(4), K.cm(), k.p)


def documented():
    """The docstring."""


print(documented.__doc__, d.__doc__)
documented.__doc__ = "changed"
print(documented.__doc__)
del documented.__doc__
print(documented.__doc__)

print("to stderr", file=sys.stderr)
print("to stdout", file=sys.stdout, end="!\n", sep="-")
print("a", "b", sep="", file=None)


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


w = W()
print("x", 1, 2.5, sep=",", end=";", file=w)
print(file=w)
print("f", file=w, flush=True)
print(w.parts)

x = 0


def gl():
    global x
    x += 1

    def inner():
        global x
        x *= 10
    inner()


gl()
print(x)


def nl():
    v = 1

    def i1():
        def i2():
            nonlocal v
            v += 1
        i2()
        return v
    return i1()


print(nl())


class CC:
    y = 5

    def m(self):
        return y


y = "global y"
print(CC().m())


def cell_and_del():
    z = 1

    def r():
        return z
    del z
    try:
        r()
    except NameError as e:
        print(e)


cell_and_del()


def make_counters():
    counters = []
    for i in range(3):
        def counter(i=i):
            return i
        counters.append(counter)
    return [c() for c in counters]


print(make_counters())


def global_in_class():
    class G:
        global gvar
        gvar = "set from class body"
    return G


global_in_class()
print(gvar)
