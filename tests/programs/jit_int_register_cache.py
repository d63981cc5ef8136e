# The register cache's ints (rbx, r14, r15 between stencils): results near the int64 boundary that
# overflow in the middle of an expression, values that change type mid-loop, expressions deeper than
# the three int registers, compares of cached results, and floats mixed in.

def near_boundary(xs, k):
    out = []
    for x in xs:
        a = (x + k) * 2 - k
        b = (x - k) * (x + 1) + 1
        c = x * 3 // 4 + x % 8
        out.append((a, b, c))
    return out

BIG = 2**62
for row in near_boundary([1, -7, BIG - 1, BIG, -BIG, 2**63 - 2, -(2**63) + 1, 3037000499, 3037000500], 5):
    print(row)

def deep(n):
    t = 0
    for i in range(n):
        j = i + 1
        t = (i * j) + ((i * 2) + ((j * 3) + ((i * 4) + ((j * 5) + (i * j * 6)))))
        t = t + ((i + j) * (i - j) - (i ^ j) + (i & 7) + (j | 8)) * 3
    return t

print(deep(50))

def changes_type(values):
    t = 0
    k = 0
    for v in values:
        t = t * 2 + v * 3 - 1
        if t * 2 + 1 > 1000:
            t = t // 7 + 1
            k += 1
    return t, k

print(changes_type([1, 2, 3, 4, 5.5, 6, 7, True, 2**40, 2**62, 9, -3]))
print(changes_type([1, 2, 3, 4, 5, 6, 7, 8]))

def compares(n):
    hits = 0
    for i in range(-n, n):
        if i * 3 + 1 < n:
            hits += 1
        if i - 2 > 0:
            hits += 2
        if (i + n) * (i - n) >= -4:
            hits += 4
        if i * i == 16:
            hits += 8
    return hits

print(compares(30))

def mixed(n):
    s = 0.0
    for i in range(1, n):
        s += 1.0 / ((i + 1) * (i + 2) // 2 + i) + i * 0.5 - (i - 3) * 2.5
    return s

print(mixed(200))

def overflow_then_small(xs):
    out = []
    for x in xs:
        y = x * x + x
        out.append(y - x * x)
    return out

print(overflow_then_small([3, 2**31, 2**32 + 1, 3037000499, 3037000500, -(2**40), 7]))

def accumulate(limit):
    total = 9223372036854775000
    i = 0
    while i < limit:
        total = total + i * 100 - 1
        i += 1
    return total

print(accumulate(30))
