# Ints that cross 64 bits inside hot loops, both ways, and locals whose type changes from int to big
# int to float or str mid-loop: the JIT types integer results as "int, maybe big" (Integer) and must
# take the big-int path, the int64 path or leave the assumption correctly at each of these points.


def grow_and_fold(n):
    m = (1 << 61) - 1
    x = 12345
    acc = 0
    for i in range(n):
        x = (x * x + i) % m      # the product overflows every time, the result fits again
        acc += x & 0xFFFF
        if i % 50 == 0:
            acc = acc * (1 << 40) - i
    return acc % 1000000007, x


def cross_both_ways(n):
    v = 1
    out = []
    for i in range(n):
        v = v * 7 - i if i < n // 2 else v // 7 + i   # big on the way up, small on the way down
        out.append(v % 1000 if v >= 0 else -(-v % 1000))
    return out[-5:], v


def negative_and_shifts(n):
    a, b = -3, 5
    total = 0
    for i in range(n):
        a = a * -3 + (b << (i % 70))
        b = (a >> 3) ^ (b | i) - (a & 255)
        total = (total + a % 97 - b // 1000003) % 1000000009
    return total, a.bit_length(), b.bit_length()


def six_swap(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    for _ in range(n):
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(str(d) for d in digits[:40])


def changes_type(n):
    v = 3
    seen = []
    for i in range(n):
        if i == n // 3:
            v = v * (1 << 80)             # big
        elif i == n // 2:
            v = float(v % 1000) + 0.5     # float from here
        elif i == 2 * n // 3:
            v = "s"                        # str: + is concatenation
        if isinstance(v, str):
            v = v + "t" if len(v) < 6 else "s"
        else:
            v = v + 1
        if i % 97 == 0:
            seen.append(v if not isinstance(v, int) or v < 10 ** 6 else v % 1000)
    return seen


def errors(n):
    caught = 0
    d = 1 << 70
    for i in range(n):
        try:
            x = (d * i) // (i % 5 - 2 * (i % 5 // 2))   # a zero divisor now and then
            d = d + x % 3
        except ZeroDivisionError:
            caught += 1
    try:
        print(1 << -1)
    except ValueError as e:
        print("ValueError", e)
    return caught, d % 1000


def flags(n):
    # bools are ints too: True + big, big & True
    big = 1 << 64
    s = 0
    for i in range(n):
        s = s + (i % 2 == 0) + (big & (i > 3)) - big * (i == 5)
    return s


def truth_tests(n):
    # Branches and `not` on ints that may be big: up past 2**63, down through it to small values
    # and to 0 from big, both as locals and as results of an op.
    out = []
    for start in (3, (1 << 63) - 5, 1 << 63, -(1 << 63), (1 << 64) + 1, -(1 << 70)):
        v = start * n
        up = 0
        while v and up < 90:          # grows past 2**63 (or starts past it), a local
            v = v * 2 + (up % 3)
            up += 1
        down = 0
        while v:                      # shrinks back under 2**63 and reaches 0 from big
            if v % 5:                 # an op's result, big or small
                down += 1
            if not (v & 1):
                down += 2
            v = v // 3 if v > 0 else -(-v // 3)
        b = v
        out.append((up, down, b, not b, not (start * n), bool(start << 1)))
    a, b = (6 ** 40) * n, 12 ** 30
    while b:                          # gcd: remainders big, then small, then 0
        a, b = b, a % b
    out.append(a)
    return out


print(grow_and_fold(3000))
print(cross_both_ways(400))
print(negative_and_shifts(300))
print(six_swap(600))
print(changes_type(600))
print(errors(200))
print(flags(200))
print(truth_tests(1))
print(truth_tests(7))
