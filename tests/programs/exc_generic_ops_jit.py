# exceptions raised inside ops the JIT runs through the interpreter's implementation, in hot
# loops, caught by a handler of the same frame (and, at the end, by a caller)
class Box:
    def __init__(self, v):
        self.v = v

class Truthy:
    calls = 0
    def __init__(self, ok):
        self.ok = ok
    def __bool__(self):
        Truthy.calls += 1
        if not self.ok:
            raise ValueError("no truth")
        return True

class Countdown:
    def __init__(self, n, bad):
        self.n = n
        self.bad = bad
    def __iter__(self):
        return self
    def __next__(self):
        self.n -= 1
        if self.n == self.bad:
            raise KeyError(self.n)
        if self.n < 0:
            raise StopIteration
        return self.n

def gen(n):
    for i in range(n):
        if i == 3:
            raise IndexError("gen " + str(i))
        yield i

def attrs(items):
    hits = misses = 0
    for o in items:
        try:
            hits += o.v
        except AttributeError as e:
            misses += 1
            last = str(e)
    return hits, misses, last

def unpack(items):
    out = []
    for it in items:
        try:
            a, b = it
            out.append(a * 10 + b)
        except ValueError as e:
            out.append(str(e))
        except TypeError as e:
            out.append(type(e).__name__)
    return out

def unpack_ex(items):
    out = []
    for it in items:
        try:
            a, *rest, b = it
            out.append((a, len(rest), b))
        except ValueError as e:
            out.append(str(e)[:30])
    return out

def building(n):
    errors = 0
    sizes = 0
    for i in range(n):
        try:
            s = {i, [i]} if i % 3 == 0 else {i, i + 1}
            sizes += len(s)
        except TypeError:
            errors += 1
        try:
            d = {**{"a": i}, **({"a": 0} if i % 4 == 0 else {"b": 1})}
            sizes += len(d)
        except TypeError:
            errors += 100
    return errors, sizes

def kw(a, b=0):
    return a + b

def calls(n):
    total = 0
    for i in range(n):
        args = (i,) if i % 5 else (i, 1, 2)
        try:
            total += kw(*args)
        except TypeError:
            total -= 1
        try:
            total += kw(**({"a": i} if i % 7 else {"c": i}))
        except TypeError:
            total -= 1000
    return total

def truth(values):
    n = 0
    for t in values:
        try:
            if t:
                n += 1
        except ValueError:
            n += 100
    return n

def iterate(n, bad):
    got = []
    try:
        for x in Countdown(n, bad):
            got.append(x)
    except KeyError as e:
        got.append("KeyError " + str(e))
    try:
        for x in gen(n):
            got.append(x)
    except IndexError as e:
        got.append(str(e))
    return got

def formatting(values):
    out = []
    for v in values:
        try:
            out.append(f"{v:>5d}")
        except ValueError:
            out.append("?")
    return out

def nested(n):
    log = []
    for i in range(n):
        try:
            try:
                x = [1, 2, 3][i]
            finally:
                log.append(i)
            log.append(x)
        except IndexError:
            log.append(-1)
    return log

def deep(i):
    return {"k": i}["missing" if i == 40 else "k"]

def caller(n):
    total = 0
    for i in range(n):
        total += deep(i)
    return total

items = [Box(i) if i % 4 else i for i in range(60)]
print(attrs(items))
print(unpack([(1, 2), [3, 4], (5,), (6, 7, 8), 9, "ab"] * 6))
print(unpack_ex([(1, 2, 3, 4), (5,), "xyz", [1, 2]] * 5))
print(building(50))
print(calls(60))
print(truth([Truthy(i % 3 != 0) for i in range(40)]), Truthy.calls)
for k in range(3):
    print(iterate(8, 2 + k))
print(formatting([1, "x", 22, 3.5, 4444] * 4))
print(nested(8))
try:
    print(caller(100))
except KeyError as e:
    print("KeyError", e)
for i in range(35):
    try:
        caller(50)
    except KeyError as e:
        last = e
print("again", last)
print(caller(40))
