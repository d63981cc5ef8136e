# Int hashing and mixing with small helper functions called in loops: multiplies of two registers
# (`a * b` of values computed just before), multiplies by constants, masks and shifts, and leaf
# helpers returning ints and floats (branch `peephole`: in-place multiplies, leaf slots addressed
# from the caller's frame).
MASK = 0xFFFFFFFF


def mix(h, k):
    return (h ^ k) * 40503 % 4294967291


def fold(a, b):
    return (a + b) * (a - b + 7) % 65521


def weight(x, y):
    return 1.0 / (x * y + 1)


def table(n):
    out = []
    h = 2166136261
    for i in range(n):
        h = mix(h, i)
        out.append(h & 1023)
    return out


def score(values):
    s = 0
    w = 0.0
    for i in range(len(values)):
        v = values[i]
        s += fold(v, i) + fold(i, v)
        w += weight(v, i + 1)
    return s, w


def squares(n):
    t = 0
    for i in range(n):
        a = i + 3
        b = i * 2 + 1
        t = (t + a * b) % 1000003
    return t


def main():
    values = table(40000)
    total = 0
    acc = 0.0
    for _ in range(6):
        s, w = score(values)
        total += s
        acc += w
    print(total, round(acc, 6), squares(300000), sum(values[:100]))


main()
