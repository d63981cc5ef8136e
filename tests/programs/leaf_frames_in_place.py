# Inlined leaf calls whose frame is virtual read their int and float arguments from the caller's
# slots, sit in the frame stack's reserve without a room check, and check the caller's depth
# against the recursion limit once per frame (branch `spectral`). Each part makes one of those
# go wrong if it were assumed instead of guarded: the callee rebound mid-loop, recursion that
# reaches the limit exactly at a leaf call, sys.setrecursionlimit below the depth, big ints in
# the arguments, exits from inside the callee after it changed its own locals.
import sys


def area(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def other(i, j):
    return float(i - j)


def halve(a, b):
    c = a + b
    d = c // 2
    return d / (a - b)


def mix(x, y):
    return x * 2 + y


def row(i, n):
    s = 0.0
    for j in range(n):
        s += area(i, j)
    return s


def down(n, n_leaf):
    # Each level runs a loop of leaf calls: at the deepest levels the leaf call is the one that
    # passes the recursion limit.
    s = 0
    for j in range(n_leaf):
        s += mix(n, j)
    if n == 0:
        return s
    return s + down(n - 1, n_leaf)


def main():
    global area
    # The global callee rebound in the middle of the loop (and back).
    s = 0.0
    for i in range(300):
        if i == 120:
            area = other
        if i == 240:
            area = original
        for j in range(40):
            s += area(i, j)
    print("rebound", round(s, 6))

    # Arguments near the int limit: i + j overflows into big ints inside the inlined body.
    big = 2 ** 62
    t = 0.0
    for k in range(60):
        t += area(big - 30 + k, big)
    print("big", repr(t))
    print("big2", area(2 ** 70, 3) > 0, mix(2 ** 63, 5), mix(-2 ** 63, -1))

    # Arguments whose type changes mid-loop: int, float, bool, then str (a TypeError inside).
    out = []
    for k in range(200):
        x = k if k < 50 else (k + 0.25 if k < 100 else (k % 2 == 0 if k < 150 else str(k)))
        try:
            out.append(mix(x, 1))
        except TypeError as e:
            out.append(type(e).__name__)
    print("types", out[0], out[49], out[50], out[100], out[101], out[150], out[199])

    # Exits from inside the callee after it bound its own locals: a zero division on the way.
    r = []
    for k in range(100):
        try:
            r.append(halve(k, 7 if k % 10 else k))
        except ZeroDivisionError as e:
            r.append(str(e))
    print("exits", r[:3], r[10], r[20], round(sum(v for v in r if not isinstance(v, str)), 6))

    # Rows called from many depths; then recursion to the limit with leaf calls at every level.
    print("rows", round(sum(row(i, 30) for i in range(50)), 9))
    limit = sys.getrecursionlimit()
    for depth in (limit - 40, limit - 8, limit - 5, limit - 4, limit - 3, limit - 2, limit + 10):
        try:
            print("down", depth, down(depth, 35) % 1000003)
        except RecursionError as e:
            print("down", depth, type(e).__name__)

    # The recursion limit set under the current depth is refused, as CPython 3.11 refuses it.
    def nested(n):
        if n:
            return nested(n - 1)
        for target in (3, 8, 60):
            try:
                sys.setrecursionlimit(target)
                sys.setrecursionlimit(limit)
                print("limit", target, "ok")
            except RecursionError as e:
                print("limit", target, e)
    nested(5)
    print("limit now", sys.getrecursionlimit() == limit)


original = area
main()
