# generator.close() and generator.throw() raise at the suspended yield, with CPython's rules.
import sys

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")

g = with_finally(); print(next(g)); print(g.close()); print(list(g))
g.close()  # closing again does nothing

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g = catches_exit(); next(g); g.close()

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("returning")
        return "ignored value"
g = returns_on_exit(); next(g); print(g.close())

def ignores_exit():
    ignored = 0
    while True:
        try:
            yield "tick"
        except GeneratorExit:
            ignored += 1
            print("ignoring", ignored)
            if ignored == 2:
                return
g = ignores_exit(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(g))  # still suspended after ignoring
g.close()  # now it returns

def raises_other():
    try:
        yield 1
    finally:
        raise ValueError("from finally")
g = raises_other(); next(g)
try:
    g.close()
except ValueError as e:
    print("ValueError:", e, type(e.__context__).__name__)

def never_started():
    try:
        yield 1
    finally:
        print("never printed")
g = never_started(); g.close(); print(list(g))

def stop_in_handler():
    try:
        yield 1
    except GeneratorExit:
        raise StopIteration
g = stop_in_handler(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# except Exception does not catch GeneratorExit
def broad():
    try:
        yield 1
    except Exception:
        print("wrong")
    finally:
        print("broad finally")
g = broad(); next(g); g.close()

# Nested try blocks: inner finally first, then outer.
def nested():
    try:
        try:
            yield "a"
        finally:
            print("inner")
    finally:
        print("outer")
g = nested(); next(g); g.close()

# throw(): handled inside, the generator yields again.
def thrower():
    n = 0
    while True:
        try:
            x = yield n
        except KeyError as e:
            print("caught", repr(e))
            n += 100
        n += 1
g = thrower(); print(next(g)); print(g.throw(KeyError("k"))); print(g.throw(KeyError)); print(g.send(None))
try:
    g.throw(IndexError, "idx")
except IndexError as e:
    print("IndexError out:", e)
print(next(g, "finished"))
try:
    g.throw(ValueError("after end"))
except ValueError as e:
    print("after end:", e)
g = thrower()
try:
    g.throw(ZeroDivisionError)
except ZeroDivisionError as e:
    print("unstarted throw:", type(e).__name__)
print(next(g, "closed"))
try:
    thrower().throw(KeyError("a"), 1)
except TypeError as e:
    print(e)
try:
    thrower().throw(5)
except TypeError as e:
    print(e)

def returns_after_throw():
    try:
        yield 1
    except ValueError:
        return 42
g = returns_after_throw(); next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)

# yield from: close closes the inner generator first; throw goes to the inner one.
def inner():
    try:
        yield "i1"
        yield "i2"
    except KeyError:
        print("inner caught KeyError")
        yield "i-after"
        return "inner result"
    finally:
        print("inner finally")

def outer():
    try:
        r = yield from inner()
        print("outer got", r)
        yield "o1"
    finally:
        print("outer finally")

g = outer(); print(next(g)); g.close()
g = outer(); print(next(g)); print(g.throw(KeyError)); print(next(g)); print(next(g, "end"))
g = outer(); next(g)
try:
    g.throw(IndexError("to the inner"))
except IndexError as e:
    print("propagated:", e)

class Sub:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
    def close(self): print("Sub.close")
def over_sub():
    try:
        yield from Sub()
    finally:
        print("over_sub finally")
g = over_sub(); print(next(g), next(g)); g.close()
g = over_sub(); next(g)
try:
    g.throw(KeyError("no throw method"))
except KeyError as e:
    print("KeyError:", e)

# The generator's own handled exception does not leak to the caller.
def handling():
    try:
        raise KeyError("inside")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
g = handling(); print(next(g)); print(sys.exc_info()[0])
try:
    raise ValueError("caller")
except ValueError as e:
    print(repr(e.__context__))
    print(next(g))
print(sys.exc_info()[0])

# Running generator cannot close itself.
def self_closing():
    yield me.close()
me = self_closing()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# A generator expression, closed half way.
ge = (print("item", i) or i for i in range(5))
print(next(ge)); ge.close(); print(list(ge))

# Many generators closed in a loop (hot code around close).
count = 0
def counted():
    global count
    try:
        yield 1
    finally:
        count += 1
for i in range(200):
    c = counted(); next(c); c.close()
print(count)

# An exception thrown in and not handled ends the program with the generator's line in the traceback.
def last():
    yield 1
lg = last(); next(lg)
lg.throw(LookupError("uncaught from throw"))
