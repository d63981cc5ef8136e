# Exact rational arithmetic on (numerator, denominator) pairs of ints that grow past 64 bits: harmonic
# numbers and Bernoulli numbers by the Akiyama-Tanigawa algorithm, each step reduced by a hand-written
# gcd, and a Collatz walk from a big start. Ints here start small and grow big inside the loops (the
# style bigint.py's spigot and bigint_mix.py's folding do not cover: tuples and small helpers).


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def add(p, q):
    n = p[0] * q[1] + q[0] * p[1]
    d = p[1] * q[1]
    g = gcd(n, d)
    return (n // g, d // g)


def sub(p, q):
    return add(p, (-q[0], q[1]))


def mul(p, q):
    n = p[0] * q[0]
    d = p[1] * q[1]
    g = gcd(abs(n), d)
    return (n // g, d // g)


def harmonic(n):
    h = (0, 1)
    for k in range(1, n + 1):
        h = add(h, (1, k))
    return h


def bernoulli(n):
    a = [(0, 1)] * (n + 1)
    for m in range(n + 1):
        a[m] = (1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = mul((j, 1), sub(a[j - 1], a[j]))
    return a[0]


def collatz_steps(x):
    steps = 0
    peak = x
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        if x > peak:
            peak = x
        steps += 1
    return steps, peak.bit_length()


def digits(x):
    s = str(abs(x))
    return len(s), s[:10]


h = harmonic(600)
print("H600", digits(h[0]), digits(h[1]))
for n in (20, 40, 60):
    b = bernoulli(n)
    print("B", n, b[0] % 1000003, digits(b[1]))
total = 0
for start in range(10, 400, 13):
    s, p = collatz_steps(7 ** 40 + start)
    total += s * 3 + p
print("collatz", total)
