# Direct JIT-to-JIT calls: arguments that are constants or pending copies of locals go into the
# callee's frame without being written in the caller, the caller's recorded stack stops below
# them, and the returned value comes back in registers. Each part would break if a slot were
# left unwritten where the interpreter or the collector reads it.
import sys


def leaf(a, b, c):
    return a * 2 + b


def fleaf(x, y):
    return x * 0.5 + y


def scale(x):
    return x * 3


def grow(i):
    # Allocates enough to trigger collections while callers hold unwritten entries.
    junk = [[i, i + 1] for _ in range(20)]
    return len(junk) + i


def constants_and_pending(n):
    total = 0
    acc = 0.0
    for i in range(n):
        # constant arguments (int, float, str, None, a big int) and pending copies of locals
        total = total + leaf(i, 7, "s") + leaf(i, 2 ** 70, None) % 1000
        acc = acc + fleaf(2.5, acc) * 0.001
    return total, round(acc, 6)


def temporaries_under_calls(n):
    out = []
    for i in range(n):
        # a fresh list below the call (written) and a pending local copy above it
        row = [i] + [grow(i) + i]
        out.append(row[0] + row[1])
        s = [i, i] + [scale(i), grow(i)]
        out.append(sum(s))
    return sum(out), len(out)


def rebound(n):
    results = []
    for i in range(n):
        if i == n // 2:
            global scale
            old = scale
            scale = lambda x: -x
        results.append(scale(i))
    scale = old
    return sum(results), results[-3:]


def typed_then_not(n):
    # the callee returns floats, then ints, then strings: typed returns miss and continue untyped
    def pick(i):
        if i < n // 3:
            return i * 1.5
        if i < 2 * n // 3:
            return i
        return str(i)
    out = []
    for i in range(n):
        out.append(pick(i))
    return out[0], out[n // 3], out[-1], type(out[n // 2]).__name__


def depth(n, pad):
    if n == 0:
        return pad
    return 1 + depth(n - 1, pad)


def recurse_forever(n, k):
    return recurse_forever(n + 1, k + 0.5) + n


def raise_at(n, acc):
    if n == 0:
        raise ValueError("bottom " + str(acc))
    return raise_at(n - 1, acc + 1) + acc


def defaults(a, b=10, *, c=100):
    return a + b + c


def keywords_and_defaults(n):
    s = 0
    for i in range(n):
        s += defaults(i) + defaults(i, 1) + defaults(i, c=2) + defaults(b=3, a=i)
    return s


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def plus(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


def methods(n):
    p = Point(0, 0)
    t = 0
    for i in range(n):
        p = p.plus(1, 2)
        t += p.norm2() % 7
    return t, p.x, p.y


def gen_calls(n):
    for i in range(n):
        yield leaf(i, 1, None) + scale(i)


print(constants_and_pending(300))
print(temporaries_under_calls(200))
print(rebound(200))
print(typed_then_not(150))
print(depth(500, 0.25))
try:
    recurse_forever(0, 0.0)
except RecursionError as e:
    print("RecursionError", e)
print(depth(200, 1))
for k in (1, 5, 40):
    try:
        raise_at(k, 0)
    except ValueError as e:
        print("caught", e)
print(keywords_and_defaults(200))
print(methods(300))
print(sum(gen_calls(300)))
print(sys.getrecursionlimit())


def make_adder(k, scale_by):
    def add(x, y):
        return x + y * k + scale_by
    return add


adder = make_adder(3, 0.5)  # a global bound once: called as a constant, with its closure cells


def closure_calls(n):
    t = 0.0
    for i in range(n):
        t = t + adder(i, 2) + adder(1.5, i)
    return t


print(closure_calls(300))
