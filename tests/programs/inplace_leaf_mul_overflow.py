# Int multiplies computed in place in their cache register (`imul rbx, r14`, the first operand set
# aside in rax for the overflow path) and inlined leaf calls whose slots are addressed from the
# caller's frame (no r12 move; branch `peephole`). Each part makes an exit happen where the
# operands or the frame must be exact: a product that overflows into a big int from registers,
# from slots and by a constant, exits from inside the inlined leaf (a type change, a zero
# divisor, a big int, recursion at the limit), and leaves that return an argument, an int or a float.
import sys


def tri(i, j):
    return (i + j) * (i + j + 1) // 2 + i + 1


def inv(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def first(a, b):
    return a


def diff(a, b):
    return a - b


def scaled(a, b):
    return a * b - b


def products(base, n):
    # (x + k) * (x + k + 1) from registers: the first overflow leaves with both operands intact.
    out = []
    for k in range(n):
        x = base + k
        y = (x + k) * (x + k + 1)
        z = (x - k) * 3
        w = y * y
        out.append((y, z, w % 1000003))
    return out


def main():
    for base in (1, 3037000480, 2 ** 31, 2 ** 62 - 10, -(2 ** 62), 2 ** 64):
        r = products(base, 40)
        print("products", base, r[0], r[-1][0] % 999983, sum(t[2] for t in r) % 1000003)

    # The leaf's multiply overflows once i + j passes about 3.04e9.
    s = 0
    for k in range(60):
        s += tri(3037000400 + k * 3, k)
    print("tri", s)
    t = 0.0
    for k in range(60):
        t += inv(3037000400 + k * 3, k)
    print("inv", repr(t))

    # Arguments changing type inside the loop of leaf calls (exits from inside the inlined leaf).
    acc = []
    for k in range(120):
        a = k if k < 40 else (k + 0.5 if k < 80 else (True if k < 100 else "s"))
        try:
            acc.append(tri(a, 2))
        except TypeError as e:
            acc.append(type(e).__name__)
    print("types", acc[0], acc[39], acc[40], acc[79], acc[80], acc[100], acc[119])

    # A zero divisor inside the leaf: tri(i, j) == 0 needs i + 1 == -(i+j)(i+j+1)//2.
    z = []
    for k in range(50):
        try:
            z.append(inv(-1 if k % 7 == 0 else k, 0))
        except ZeroDivisionError as e:
            z.append(str(e))
    print("zero", z[0], z[1], z[7], round(sum(v for v in z if isinstance(v, float)), 9))

    # Leaves whose result is an argument, an int (a different register) or a product.
    f = 0
    d = 0
    m = 0
    for k in range(200):
        f += first(k, k + 1)
        d += diff(k * 7, k)
        m += scaled(k + 2 ** 40, k + 2 ** 30)
    print("returns", f, d, m)
    fl = 0.0
    for k in range(100):
        fl += first(k * 0.5, k) + diff(k * 0.25, 1.0)
    print("float returns", fl)

    # Recursion that reaches the limit at a leaf call.
    def down(n):
        s = 0
        for j in range(20):
            s += tri(n, j) + diff(j, n)
        if n == 0:
            return s
        return s + down(n - 1)

    limit = sys.getrecursionlimit()
    for depth in (limit - 30, limit - 4, limit - 3, limit - 2, limit + 5):
        try:
            print("down", depth, down(depth) % 1000003)
        except RecursionError as e:
            print("down", depth, type(e).__name__)


main()
