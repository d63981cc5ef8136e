# `x >> c` by a constant count in machine code (an arithmetic shift, in a register or on frame
# slots): counts 0, 1, 5, 62, 63, 64 and over, negative and extreme int64 values, a value that turns
# into a big int and back mid-loop, a float that reaches the shift (TypeError), a negative count
# (ValueError), and a Collatz loop whose halving runs in a register.

def shifts(xs):
    out = []
    for x in xs:
        out.append((x >> 0, x >> 1, x >> 5, x >> 62, x >> 63, x >> 64, x >> 200))
    return out


def halve_until_small(n):
    steps = 0
    while n > 3:
        n = n >> 1
        steps += 1
    return steps, n


def chain(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


def mixed(xs):
    total = 0
    for x in xs:
        total += x >> 3
    return total


values = [0, 1, -1, 2, -2, 7, -7, 1000, -1000, 2 ** 62, -2 ** 62, 2 ** 63 - 1, -2 ** 63,
          123456789012345, -987654321098765]
for _ in range(3):
    rows = shifts(values)
print(rows)
print([halve_until_small(v) for v in (0, 5, 1 << 40, (1 << 63) - 1)])
best = 0
for n in range(1, 3000):
    c = chain(n)
    if c > best:
        best = c
print(best)
print(mixed(list(range(-50, 50)) * 20))
print(mixed([1 << 70, -(1 << 70), 5, 2 ** 64, -3]))
print(shifts([2 ** 80, -(2 ** 80) - 1]))
try:
    mixed([8, 16, 2.5])
except TypeError as e:
    print("TypeError", e)
k = -1
for i in range(40):
    try:
        print(i >> k)
    except ValueError as e:
        print("ValueError", e)
        break
