# Binomial rows walked incrementally (c = c * (n - k) // (k + 1): small at both ends of a row, past
# 64 bits in its middle, so each row's loop crosses 2**63 up and back down), modular exponentiation
# by hand (square and multiply with a 127-bit modulus: products past 64 bits folded back), Catalan
# numbers and a Miller-Rabin test over them. The style bigint.py (always big) and bigint_rationals.py
# (tuples, gcd) do not cover: one loop whose values change size in both directions every few steps.


def row_digest(n):
    c = 1
    h = 0
    peak = 0
    for k in range(n):
        c = c * (n - k) // (k + 1)
        h = (h * 31 + c) % 1000000007
        if c > peak:
            peak = c
    return h, peak.bit_length()


def power_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def is_probable_prime(n):
    if n < 4:
        return n >= 2
    if n % 2 == 0:
        return False
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if a % n == 0:
            continue
        x = power_mod(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def catalans(count):
    c = 1
    out = []
    for n in range(count):
        out.append(c)
        c = c * 2 * (2 * n + 1) // (n + 2)
    return out


total = 0
for n in range(40, 240, 3):
    h, bits = row_digest(n)
    total = (total * 7 + h + bits) % 1000000007
print("rows", total)

m = (1 << 127) - 1
acc = 0
for i in range(2, 400):
    acc ^= power_mod(i, m - 2, m)
print("powmod", acc % 1000003, acc.bit_length())

primes = 0
for n in range(10 ** 12, 10 ** 12 + 3000):
    if is_probable_prime(n):
        primes += 1
print("primes", primes)

cat = catalans(300)
print("catalan", sum(c % 1009 for c in cat), cat[-1].bit_length(),
      sum(1 for c in cat[:120] if is_probable_prime(c)))
