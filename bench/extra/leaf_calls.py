# Small leaf functions called in loops, in several styles: methods on instances, closures made
# once and called many times, chains of calls of float functions, a leaf whose argument changes
# type, and a default argument. Exercises inlined calls without a frame push (docs/TRACING.md).


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def make_scale(k):
    def scale(v):
        return v * k
    return scale


def sq(x):
    return x * x


def half(x):
    return x * 0.5


def inc(x):
    return x + 1.0


def chain(x):
    return inc(half(sq(x)))


def clamp(x, lo=0.0):
    return x if x > lo else lo


def methods(n):
    vs = [Vec(i * 0.5, 1.0 - i * 0.25) for i in range(16)]
    total = 0.0
    for r in range(n):
        for v in vs:
            total += v.dot(vs[r % 16]) - v.norm2() * 0.001
    return total


def closures(n):
    scale = make_scale(1.0001)
    acc = 0.0
    for i in range(n):
        acc = scale(acc) + 1.0
        if acc > 1e6:
            acc = 0.0
    return acc


def chains(n):
    s = 0.0
    for i in range(n):
        s += chain(i * 1e-3)
    return s


def mixed(n):
    s = 0
    for i in range(n):
        x = i if i % 100 else i * 0.5
        s += sq(x) + clamp(x - 50.0)
    return s


print(round(methods(20000), 6))
print(round(closures(200000), 6))
print(round(chains(200000), 6))
print(round(mixed(100000), 6))
