# big-integer arithmetic: pidigits spigot (Gibbons' unbounded algorithm), big factorial and
# fibonacci digests, and modular exponentiation with big moduli.
def pidigits(n):
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits

def digest(n):
    s = str(n)
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return len(s), s[:12], s[-12:], h

def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

pi = pidigits(4000)
print("pi", "".join(str(d) for d in pi[:30]), sum(pi))
print("fact", digest(factorial(1400)))
print("fib", digest(fib(19000)))
m = 2 ** 521 - 1
acc = 0
for i in range(1, 60):
    acc ^= pow(3 + i, m - 1 - i, m)
print("pow", digest(acc))
