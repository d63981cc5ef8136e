# Constants that stay pending until used, and results written straight into the local of the
# StoreFast that follows (payload only when the local already holds that type's tag).

def counters(n):
    i = 0
    j = n
    total = 0
    while i < j:
        i = i + 1          # result into the local its operand aliases
        j -= 1             # constant operand as an immediate
        total += i * 2 - j
    return i, j, total

def retype(n):
    x = 1
    x = x / 2              # an int local becomes a float: the tag must be written
    y = 3
    y = y + 0.5            # int + float constant
    z = 2.5
    z = z * 2              # float * int constant
    k = n
    k = k - 2147483648     # a constant that does not fit an imm32
    b = True
    b = b + 1              # bool + int runs the generic op
    return x, y, z, k, b

def overflow(x):
    x = x + 1              # 2**63 - 1 + 1: the fast path declines into a big int
    y = x - 1
    return x, y

def constants_everywhere(c):
    a = None
    f = 2.25
    t = True
    s = (1, 2.5, None, False)
    r = [0] * 3
    r[0] = 7
    r[2] = -1
    if 0 <= c < 10:
        w = "small"
    else:
        w = "large"
    v = c if c > 3 else 3
    return a, f, t, s, r, w, v, max(c, 4), abs(-5)

def swap_and_keep(a, b):
    old = a
    a = a + b              # `old` was a pending copy of a before the store? no: it was stored
    b = old - b
    keep = a
    a = a * 3
    return a, b, keep, old

def float_accumulate(n):
    s = 0.0
    t = 0
    for i in range(n):
        s = s + i * 0.5
        s -= 0.25
        t = t + 1
    return s, t

def zero_division(a):
    try:
        a = a // 0
    except ZeroDivisionError as e:
        return "caught", str(e), a
    return a

def compare_constants(n):
    out = []
    for i in range(n):
        if i == 3:
            out.append("three")
        elif i >= 7:
            out.append("big")
        elif i != 0:
            out.append(i)
    return out

for _ in range(40):
    r1 = counters(9)
    r2 = retype(5)
    r3 = overflow(2 ** 63 - 1)
    r4 = constants_everywhere(5)
    r5 = constants_everywhere(50)
    r6 = swap_and_keep(4, 9)
    r7 = float_accumulate(10)
    r8 = zero_division(6)
    r9 = compare_constants(9)
print(r1)
print(r2)
print(r3)
print(r4)
print(r5)
print(r6)
print(r7)
print(r8)
print(r9)
print(overflow(-2 ** 63))
print(counters(0), counters(1))
