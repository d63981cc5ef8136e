# hot loops where int64 arithmetic overflows: +, -, *, neg, <<, abs, //
def add_until(limit_bits):
    x = 1
    steps = 0
    while x < 2 ** limit_bits:
        x = x + x + 1
        steps += 1
    return x, steps
print(add_until(62), add_until(63), add_until(64), add_until(100))
def mul_chain(k):
    r = 1
    for i in range(k):
        r = r * 7
    return r
for k in [20, 22, 23, 30]:
    print(k, mul_chain(k))
def sub_down(start, n):
    x = start
    for i in range(n):
        x = x - 4611686018427387904
    return x
print(sub_down(0, 1), sub_down(0, 2), sub_down(0, 3), sub_down(-1, 2))
def neg_abs(vals):
    return [(-v, abs(v)) for v in vals]
print(neg_abs([-9223372036854775808, 9223372036854775807, -1, 0]))
def shifts():
    out = []
    for s in [0, 1, 31, 32, 62, 63, 64, 65, 127]:
        out.append((1 << s) - 1)
        out.append((-1) << s)
    return out
print(shifts())
def divs():
    m = -9223372036854775808
    return m // -1, m % -1, divmod(m, -1), m * -1, -m, m - 1, m + m
print(divs())
def mixed_sum(n):
    s = 0
    for i in range(n):
        s += i * 1000000007 * 1000000009
    return s
print(mixed_sum(100), mixed_sum(3000))
def hot_fn(a, b):
    return a * b + a
acc = 0
for i in range(2000):
    acc = hot_fn(i, 4611686018427387 * i) - acc
print(acc)
def cnt(n):
    c = 0
    x = 9223372036854775800
    for i in range(n):
        x += 1
        if x > 9223372036854775807:
            c += 1
    return c, x
print(cnt(20))
print(sum([9223372036854775807] * 3), max(2 ** 63, 2 ** 63 - 1), min(-(2 ** 63), -(2 ** 63) - 1))
