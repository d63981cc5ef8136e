# Integers that outgrow 64 bits: Fibonacci and factorials modulo nothing, a power tower folded back
# with %, and digit sums, so values cross from small ints to big ints and back within one loop.


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s


def mixed(n):
    m = (1 << 61) - 1
    x = 12345
    acc = 0
    for i in range(n):
        x = (x * x + i) % m          # a product past 64 bits, folded back under 2**61
        acc += x & 0xFFFF
        if i % 64 == 0:
            acc = acc * (1 << 40) % m
    return acc


total = 0
for k in range(40):
    total += digit_sum(fib(300 + k)) + digit_sum(factorial(60 + k))
print(total)
print(mixed(200000))
