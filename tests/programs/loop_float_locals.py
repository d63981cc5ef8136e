# Float locals kept in XMM registers across loop edges (docs/JIT-CORE.md, "Float locals across loop
# edges"): types changing mid-loop (float to int, to str, int to float and back), exits from inside
# the loop with a cached float (break, return, an exception, a helper that raises), big ints, NaN,
# infinities and -0.0, nested loops and float loop tests.
def to_int(n):
    s = 0.5
    i = 0
    while i < n:
        s = s + 1.25
        if i == 40:
            s = i + 1
        i += 1
    return s, type(s).__name__

def to_str(n):
    s = 0.0
    i = 0
    while i < n:
        s = s * 0.5 + 2.0
        if i == 30:
            s = "done"
            break
        i += 1
    return s, i

def int_float_int(n):
    acc = 0
    i = 0
    while i < n:
        acc = acc + i
        if i == 5:
            acc = acc * 0.5
        if i == 9:
            acc = i + 1
        i += 1
    return acc, type(acc).__name__

def float_then_int_again(n):
    x = 1.0
    k = 0
    while k < n:
        x = x * 1.5
        if k % 7 == 3:
            x = k * 2
        k += 1
    return x

def brk(limit):
    s = 0.0
    t = 1.0
    i = 0
    while i < 1000:
        s += t * 0.5
        t = t + 0.25
        if s > limit:
            break
        i += 1
    return s, t, i

def ret(n):
    s = 0.0
    i = 0
    while True:
        s = s + 0.1
        i += 1
        if i >= n:
            return s

def divide(xs):
    s = 1.0
    q = 0.0
    try:
        for x in xs:
            q = s / x
            s = s + q
    except ZeroDivisionError:
        return ("zde", s, q)
    return s, q

def helper(v):
    if v > 2.5:
        raise ValueError("too big: %r" % v)
    return v

def with_helper(n):
    s = 0.0
    v = 0.0
    try:
        while v < n:
            s += helper(v) * 2.0
            v = v + 0.5
    except ValueError as e:
        return ("raised", str(e), s, v)
    return s, v

def big(n):
    s = 0.5
    b = 2 ** 62
    i = 0
    while i < n:
        b = b + b
        s = s + 1.0
        i += 1
    return s, b, s + (b // 2 ** 60)

def huge():
    s = 1.0
    b = 10 ** 400
    try:
        while s < 10.0:
            s = s + b
    except OverflowError as e:
        return ("overflow", s, str(e))
    return s

def specials(n):
    a = 0.0
    b = -0.0
    c = float("inf")
    i = 0
    while i < n:
        a = a * -1.0
        b = b * 1.0
        c = c - 1.0
        i += 1
    d = c - c
    return a, b, c, d != d, str(-0.0 * 1.0)

def nested(n):
    total = 0.0
    i = 0
    while i < n:
        row = 0.0
        j = 0
        while j < n:
            row = row + (i * n + j) * 0.125
            j += 1
        total = total + row
        i += 1
    return total, row

def float_test(limit):
    x = 0.0
    steps = 0
    while x < limit:
        x = x + 0.75
        steps += 1
    y = 10.0
    while y >= 0.0:
        y = y - 1.5
    return x, steps, y

def over_list(xs):
    t = 0.0
    m = 0.0
    for v in xs:
        t += v * v
        if v > m:
            m = v
    return t, m

def becomes_int_in_list(xs):
    s = 0.0
    for v in xs:
        s = s + v
    return s, type(s).__name__

print(to_int(100))
print(to_str(100))
print(int_float_int(20))
print(float_then_int_again(50))
print(brk(40.0))
print(ret(1000))
print(divide([1.0, 2.0, 4.0, 0.0, 3.0]))
print(with_helper(10.0))
print(big(70))
print(huge())
print(specials(101))
print(nested(30))
print(float_test(1000.0))
print(over_list([i * 0.5 for i in range(300)]))
print(becomes_int_in_list([1, 2, 3]))
print(becomes_int_in_list([1.5, 2, 3]))
for k in range(3):
    print(int_float_int(12 + k), to_int(50 + k))
