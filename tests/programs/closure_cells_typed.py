# Closure cells whose contents change type: typed deref loads (docs/LBBV.md, "Typed closure cells")
# must notice every rebinding, every empty cell and every frame's own cells.


def rebind_mid_loop():
    k = 1
    def bump(i):
        nonlocal k
        if i == 500:
            k = 1.5
        if i == 800:
            k = "ab"
        if i == 900:
            k = None
    def run():
        out = 0
        for i in range(1000):
            bump(i)
            if k is None:
                out += 1
            elif isinstance(k, str):
                out += len(k) + 0.25
            else:
                out += i * k
        return out
    return run()


def store_in_loop():
    total = 0
    def add(x):
        nonlocal total
        total += x
    for i in range(3000):
        add(i)
        if i == 2000:
            add(0.5)
    r1 = total
    total = 0
    for i in range(200):
        add(2 ** 62)          # grows into a big integer
    return r1, total


def read_before_assignment():
    def inner():
        return v * 2
    out = []
    for attempt in range(3):
        try:
            out.append(inner())
        except NameError as e:
            out.append(str(e))
        v = attempt + 10
    return out


def deleted_cell():
    x = 7
    def get():
        return x + 1
    got = [get() for _ in range(50)]
    del x
    try:
        get()
    except NameError as e:
        got.append(str(e))
    x = 2.5
    got.append(get())
    return got[-3:], sum(got[:50])


def make_scaler(factor):
    def scale(values):
        return [v * factor for v in values]
    return scale


def frames_of_different_types():
    fs = [make_scaler(3), make_scaler(0.5), make_scaler("ab"), make_scaler(True)]
    out = []
    for rnd in range(40):
        for f in fs:
            out.append(f([1, 2])[-1])
    return out[-4:], len(out)


def closures_in_loop():
    fs = []
    for i in range(6):
        base = i if i % 2 else float(i)
        def f(x, base=None):
            return x + (i if base is None else base)
        fs.append(f)
        def g(x):
            return x * base
        fs.append(g)
    return [h(10) for h in fs]


def counter_family():
    def counter(start, step):
        n = start
        def tick():
            nonlocal n
            n += step
            return n
        return tick
    ticks = [counter(0, 1), counter(0.0, 0.5), counter(10 ** 20, 10 ** 20), counter(True, 1)]
    last = []
    for t in ticks:
        for _ in range(300):
            v = t()
        last.append(v)
    return last


def generator_cells():
    limit = 5
    def gen():
        nonlocal limit
        i = 0
        while i < limit:
            yield i * limit
            i += 1
            if i == 3:
                limit = 4.0
    return list(gen()), limit


class Base:
    def who(self):
        return "base"


class Child(Base):
    def who(self):
        return "child of " + super().who()


def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h


def float_closure():
    c2 = 0.5
    c1 = -1.25
    c0 = 3.0
    def poly(x):
        return (c2 * x + c1) * x + c0
    r = integrate(poly, 0.0, 2.0, 2000)
    c2 = 2          # the cells now hold an int
    return round(r, 9), round(integrate(poly, 0.0, 2.0, 2000), 9)


print(rebind_mid_loop())
print(store_in_loop())
print(read_before_assignment())
print(deleted_cell())
print(frames_of_different_types())
print(closures_in_loop())
print(counter_family())
print(generator_cells())
print([Child().who() for _ in range(40)][-1])
print(float_closure())
