# Versions compiled while a value is a big int speculate "int or big int" on it (docs/LBBV.md,
# "Int or big int"): the small case must stay correct, the big one too, and any other type
# (float, bool, str, None, a subclass of int) must fail the guard into code that handles it.


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def walk(v, d):
    # v crosses 2**63 both ways inside the loop: // and % shrink it, << grows it back.
    steps = 0
    acc = 0
    while v:
        if v % 7:
            acc ^= v & 0xFFFF
        if not v % 11:
            acc += 1
        if v > 1 << 70:
            v = v // d
        elif v < -(1 << 70):
            v = -((-v) // d)
        else:
            v = (v >> 1) if steps % 3 else (v << 2) - (v >> 3)
        steps += 1
        if steps > 400:
            break
    return steps, acc


def ops(a, b):
    # Every int op the fast path has, on whatever a and b are.
    return (a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, a << 3, a >> 2,
            a < b, a <= b, a == b, a != b, a > b, a >= b, not a, bool(a and b), bool(a or b))


def truth(x):
    n = 0
    if x:
        n += 1
    if not x:
        n += 2
    y = x and 5
    z = x or 7
    return n, y, z


class MyInt(int):
    def __mod__(self, other):
        return "mod"

    def __bool__(self):
        return False


big = 3 ** 90
print(gcd(big * 7, big * 5) == big, gcd(-big * 6, big * 4) == -big * 2 or gcd(-big * 6, big * 4))
for i in range(1, 400):
    g = gcd(i * 7919, 1001) + gcd(big + i, i * 13 + 1) + gcd(i, 0) + gcd(0, i)
print(g)
print(gcd(2 ** 64 + 6, 2 ** 63 + 3), gcd(-(2 ** 64), 2 ** 32), gcd(True, 3), gcd(2 ** 70, True))
print(gcd(12.0, 18), gcd(big * 1.0, 3.0) > 0)

for start in (2 ** 80 + 3, -(2 ** 80) - 5, 2 ** 63, -(2 ** 63), 2 ** 63 - 1, 12345, -7, 1):
    print("walk", start, walk(start, 3), walk(start, 1 << 40))

cases = [(big, 7), (7, big), (big, -big + 1), (-big, 3), (2 ** 63, 1), (-(2 ** 63), -1),
         (2 ** 62, 2), (True, big), (big, True), (9, 4), (-9, 4), (0, big), (big, big)]
for _ in range(30):
    for a, b in cases:
        r = ops(a, b)
print([ops(a, b) for a, b in cases] == [ops(a, b) for a, b in reversed(cases)][::-1])
for a, b in cases:
    print(ops(a, b))


def float_ops(a, b):
    return a + b, a - b, a * b, a // b, a % b, a < b, a == b, not a


for _ in range(40):
    r = float_ops(big, 7)
for a, b in [(big, 7), (2.5, 2), (big, 2.0), (2, 2.5), (big, -3)]:
    print(float_ops(a, b))

for v in [big, 0, -big, 1, 2 ** 64, True, False, 0.0, 2.5, "", "s", None, [], [0], MyInt(3)]:
    print(repr(v)[:20], truth(v))

# a % b with a str or a MyInt where a big int was: the guard must fail over to the generic op.
def mod(a, b):
    return a % b

for _ in range(50):
    r = mod(big, 10 ** 20)
print(r, mod("<%s>", big), mod(MyInt(5), 3), mod(big, MyInt(7)), mod(2 ** 64, 2 ** 64 - 1))

# Results at the int64 boundary, from big and small operands: each must be the same int as CPython's.
edges = []
for base in (2 ** 63, -(2 ** 63), 2 ** 64, -(2 ** 64)):
    for d in (-2, -1, 0, 1, 2):
        v = base + d
        w = (v * 3 - d * 3) // 3 - base
        edges.append((v, w, v - d - base, v >> 1, -v, abs(v) % 97, v == base + d, hash(v) == hash(base + d)))
for e in edges:
    print(e)
print(sum(x for e in edges for x in e[:6]), [(2 ** 63 - 1) + k for k in range(3)], [-(2 ** 63) - k for k in range(3)])
