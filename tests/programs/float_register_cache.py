# Float expressions whose intermediates the JITs keep in registers (the register cache): deep
# nesting (more intermediates than cache registers), a zero divisor and a guard failing while
# intermediates are cached, NaN comparisons, results stored to locals, attributes and lists.


def nested(a, b, c, d, e, f, g, h, n):
    t = 0.0
    for i in range(n):
        t += a * b + (c * d + (e * f + (g * h + (a * c + (b * d - (e - f) * (g + h))))))
        a += 0.25
    return t


def divide_all(xs, ys):
    out = []
    for i in range(len(xs)):
        try:
            out.append((xs[i] + 1.0) * 2.0 / (ys[i] * 1.0) - xs[i] / 3.0)
        except ZeroDivisionError as e:
            out.append("zero: " + str(e))
    return out


def mixed(values):
    # A value turns int (then str) while the expression's float intermediates are cached.
    total = 0.0
    for v in values:
        try:
            total = total * 0.5 + (total + 1.5) * v - v / 4.0
        except TypeError as e:
            total = -total
            print("type error:", e)
    return total


def compares(xs):
    counts = [0, 0, 0, 0, 0, 0]
    for x in xs:
        for y in xs:
            if x * 1.0 < y + 0.0:
                counts[0] += 1
            if x * 1.0 <= y + 0.0:
                counts[1] += 1
            if x * 1.0 == y + 0.0:
                counts[2] += 1
            if x * 1.0 != y + 0.0:
                counts[3] += 1
            if not (x - 0.0 > y * 1.0):
                counts[4] += 1
            if not (x - 0.0 >= y * 1.0):
                counts[5] += 1
    return counts


class Body:
    def __init__(self, x, v):
        self.x = x
        self.v = v


def step(bodies, dt, n):
    for _ in range(n):
        for b in bodies:
            b.v -= b.x * dt * (b.x * b.x + 1.0)
            b.x += dt * b.v
    return [round(b.x, 9) for b in bodies]


def mean_of_squares(xs):
    s = 0.0
    for x in xs:
        s = s + x * x
    return s / len(xs) if xs else 0.0


print(nested(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 200))
print(divide_all([1.0, 2.0, 3.0, 4.0], [2.0, 0.0, -0.0, 8.0]))
print(mixed([1.0, 2.0, 0.5] * 20 + [3, 4, "x", 2.0, 1.0]))
nan = float("nan")
print(compares([1.0, 2.0, nan, -1.5, 2.0, float("inf")]))
print(step([Body(1.0, 0.0), Body(-0.5, 0.25), Body(2.0, -1.0)], 0.01, 300))
print(mean_of_squares([0.5 * i for i in range(50)]), mean_of_squares([]))
big = 1e308
print(big * 10.0 - big * 10.0, (big * 10.0) / (big * 10.0) == 1.0)


def scale(v, k):
    return v * k + 1.0


def calls(n):
    # The argument is a cached intermediate when a tracer inlines the call.
    t = 0.0
    for i in range(n):
        t = scale(t * 0.5 + 1.0, 0.25) + t * 0.001 + scale(t, t * 0.01)
    return t


print(calls(300))


class Cell:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def attributes(cells, n):
    # Float slots load into and store from registers; `c.b` starts as an int slot, so storing a
    # float widens it (the store's guard spills first); a deleted attribute takes the load's slow path.
    for _ in range(n):
        for c in cells:
            c.a = c.a * 0.5 + c.b * 0.25
            c.b = c.b + c.a * 2.0
    out = [(round(c.a, 6), round(c.b, 6)) for c in cells]
    del cells[0].a
    try:
        print(cells[0].a * 2.0)
    except AttributeError as e:
        print("AttributeError:", e)
    return out


print(attributes([Cell(1.0, 2), Cell(0.5, 3), Cell(-1.0, 1.5)], 50))
