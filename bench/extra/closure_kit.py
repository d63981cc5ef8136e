# Closures in the styles Python code uses them: counters and accumulators kept with nonlocal,
# callbacks kept in a list and dispatched in a loop, a numeric integrator over closures that read
# float constants of their enclosing function, and a memo in a closure. Each inner function reads
# its free variables (closure cells) in its hot loop.


def make_counter(step):
    count = 0

    def tick():
        nonlocal count
        count += step
        return count

    return tick


def make_accumulator():
    total = 0.0
    n = 0

    def add(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n

    return add


def make_poly(c0, c1, c2, c3):
    def poly(x):
        return ((c3 * x + c2) * x + c1) * x + c0
    return poly


def make_gauss(mu, sigma):
    inv = 1.0 / (2.0 * sigma * sigma)

    def g(x):
        d = x - mu
        return 1.0 / (1.0 + d * d * inv)

    return g


def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        x = a + i * h
        s += (4.0 if i % 2 else 2.0) * f(x)
    return s * h / 3.0


def make_filters(limit, modulus):
    def small(v):
        return v < limit

    def odd(v):
        return v % modulus == 1

    def scaled(v):
        return v * modulus < limit * 3

    return [small, odd, scaled]


def run_callbacks(filters, n):
    hits = [0] * len(filters)
    for v in range(n):
        for k in range(len(filters)):
            if filters[k](v):
                hits[k] += 1
    return hits


def make_memo_fib():
    memo = {}

    def fib(k):
        if k < 2:
            return k
        got = memo.get(k)
        if got is None:
            got = fib(k - 1) + fib(k - 2)
            memo[k] = got
        return got

    return fib


def grid_walk(width, height):
    seen = 0

    def visit(x, y):
        nonlocal seen
        if (x * 31 + y * 17) % 7 < 3:
            seen += 1

    for y in range(height):
        for x in range(width):
            visit(x, y)
    return seen


def main():
    ticks = [make_counter(s) for s in (1, 2, 3)]
    for _ in range(200000):
        for t in ticks:
            t()
    print("counters", [t() for t in ticks])

    avg = make_accumulator()
    m = 0.0
    for i in range(300000):
        m = avg(i * 0.5)
    print("mean %.4f" % m)

    polys = [make_poly(1.0, -0.5, 0.25, -0.125), make_poly(0.0, 1.0, 0.0, 0.5)]
    gauss = make_gauss(0.5, 0.3)
    areas = [simpson(p, -1.0, 1.0, 100000) for p in polys]
    areas.append(simpson(gauss, -2.0, 2.0, 100000))
    print("areas", ["%.6f" % a for a in areas])

    print("filters", run_callbacks(make_filters(25000, 3), 100000))

    fib = make_memo_fib()
    print("fib", fib(90), sum(fib(k) % 1000 for k in range(90)))

    print("grid", grid_walk(600, 500))


main()
