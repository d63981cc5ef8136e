# Interpreter workload in another style than bench/programs: short helper functions called in a
# loop, string building (f-strings, join, slicing, methods), dict counting and keyword arguments,
# tuples unpacked, a small class with methods, a closure and a generator.


def clamp(x, lo=0, hi=255):
    return lo if x < lo else hi if x > hi else x


def key_of(i):
    return f"k{i % 97}-{i % 13}"


def words(n):
    for i in range(n):
        yield "w" + str(i % 211)


class Counter:
    def __init__(self):
        self.counts = {}
        self.total = 0

    def add(self, k, by=1):
        self.counts[k] = self.counts.get(k, 0) + by
        self.total += by


def make_scaler(k):
    def scale(v):
        return v * k
    return scale


def run(n):
    c = Counter()
    scale = make_scaler(3)
    parts = []
    acc = 0
    for i in range(n):
        k = key_of(i)
        c.add(k, by=clamp(i % 300, hi=200))
        a, b = divmod(scale(i), 7)
        acc += clamp(a % 400) + b
        if i % 50 == 0:
            parts.append(k.upper()[1:] + ":" + str(acc % 1000))
    seen = {}
    for w in words(n // 2):
        seen[w] = seen.get(w, 0) + len(w)
    text = ",".join(parts)
    return c.total, len(c.counts), acc, len(text), text[:40], sum(seen.values())


print(run(200000))
