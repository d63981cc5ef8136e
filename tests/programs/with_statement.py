# `with` and context managers: enter/exit order, exceptions passed to __exit__, suppression,
# several managers, with inside loops and generators, return/break/continue through with.
log = []


class CM:
    def __init__(self, name, suppress=False, value=None):
        self.name = name
        self.suppress = suppress
        self.value = value

    def __enter__(self):
        log.append("enter " + self.name)
        return self if self.value is None else self.value

    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s %s %r" % (self.name, exc_type.__name__ if exc_type is not None else None, exc))
        return self.suppress


def flush(label):
    print(label, log)
    log.clear()


with CM("a") as a:
    log.append("body " + a.name)
flush("simple")

with CM("a"), CM("b") as b, CM("c", value=42) as c:
    log.append("body %s %s" % (b.name, c))
flush("three")

try:
    with CM("a"), CM("b"):
        raise ValueError("boom")
except ValueError as e:
    log.append("caught %r" % e)
flush("propagate")

with CM("outer"):
    with CM("inner", suppress=True):
        raise KeyError("k")
    log.append("after inner")
flush("suppress")


def ret():
    with CM("r"):
        return "value"
    return "not reached"


print(ret())
flush("return")


def ret_expr(x):
    with CM("r1"), CM("r2"):
        return [x, x * 2]


print(ret_expr(3))
flush("return expr")

for i in range(4):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 3:
            break
        log.append("body %d" % i)
flush("loop")


def gen():
    with CM("g"):
        yield 1
        yield 2
    yield 3


print(list(gen()))
flush("generator")


def finally_and_with():
    try:
        with CM("f"):
            return "from with"
    finally:
        log.append("finally")


print(finally_and_with())
flush("finally")


class Boom:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        log.append("never")


try:
    with CM("ok"), Boom():
        log.append("never body")
except RuntimeError as e:
    log.append("caught %s" % e)
flush("enter raises")


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise TypeError("exit failed from %s" % (t.__name__ if t is not None else None))


for raise_in_body in (False, True):
    try:
        with BadExit():
            if raise_in_body:
                raise IndexError("body")
    except TypeError as e:
        log.append("%s context=%r" % (e, e.__context__))
flush("exit raises")


class NoEnter:
    pass


class OnlyEnter:
    def __enter__(self):
        return 1


for obj in (NoEnter(), OnlyEnter(), 5):
    try:
        with obj:
            pass
    except TypeError as e:
        print(e)

with CM("t", value=(1, (2, 3))) as (x, (y, z)):
    print(x, y, z)

holder = CM("attr")
with CM("t", value=9) as holder.slot:
    print(holder.slot)
flush("targets")

# The handled exception is restored after a suppressing with inside an except block.
try:
    raise ValueError("outer")
except ValueError:
    with CM("in handler", suppress=True):
        raise KeyError("inner")
    import sys
    print(sys.exc_info()[1])
flush("exc_info")

# Nested functions and comprehensions inside with.
with CM("comp"):
    squares = [n * n for n in range(5)]
print(squares)
flush("comp")

# A with whose body raises in a deep loop under a hot path (JIT compiles it).
def hot(n):
    total = 0
    for i in range(n):
        try:
            with CM("h", suppress=i % 3 == 0):
                total += i
                if i % 3 == 0:
                    raise ValueError(i)
        except ValueError:
            total -= 1000
    return total


print(hot(100))
log.clear()

with CM("last"):
    raise LookupError("uncaught")
