# Truth tests whose first compiled value is None (or another falsy/truthy kind) must keep
# testing every later value: the JIT may speculate on the first value it sees, never without a
# guard. Each function runs hot over a list whose values change kind part-way through.


class C:
    pass


class Falsy:
    def __bool__(self):
        return False


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


def count_if(xs):
    n = 0
    for x in xs:
        if x:
            n += 1
    return n


def count_not(xs):
    n = 0
    for x in xs:
        if not x:
            n += 1
    return n


def count_while(xs):
    total = 0
    for x in xs:
        node = x
        steps = 0
        while node:
            steps += 1
            node = None
        total += steps
    return total


def pick_and(xs):
    out = []
    for x in xs:
        out.append(x and 1)
    return out


def pick_or(xs):
    out = []
    for x in xs:
        out.append(x or 2)
    return out


def pick_ternary(xs):
    n = 0
    for x in xs:
        n += 3 if x else 5
    return n


def filtered(xs):
    return len([x for x in xs if x])


def not_value(xs):
    return [not x for x in xs].count(True)


def is_none(xs):
    n = 0
    for x in xs:
        if x is None:
            n += 1
        if x is not None:
            n += 100
    return n


def describe(v):
    return type(v).__name__


phases = [
    [None] * 40 + [C()] * 5,
    [None] * 40 + [0, 1, 2, -1] * 3,
    [None] * 40 + [0.0, 1.5, float("nan"), -0.0] * 3,
    [None] * 40 + ["", "a", [], [0], (), (1,), {}, {1: 2}] * 2,
    [None] * 40 + [Falsy(), Sized(0), Sized(3), True, False] * 3,
    [0] * 40 + [None, C(), 7],
    [False] * 40 + [None, 3, 0.0, "x"],
    [C()] * 40 + [None, Falsy(), 0],
    ["s"] * 40 + [None, "", 1],
    [2**70] * 40 + [0, None, 2**64, -(2**63)],
]

for xs in phases:
    label = describe(xs[0]) + ">" + ",".join(sorted({describe(v) for v in xs[40:]}))
    print(label)
    print("  if", count_if(xs), "not", count_not(xs), "while", count_while(xs))
    print("  and", [describe(v) for v in pick_and(xs)[38:]])
    print("  or", [describe(v) for v in pick_or(xs)[38:]])
    print("  ternary", pick_ternary(xs), "filter", filtered(xs), "notv", not_value(xs), "isnone", is_none(xs))
