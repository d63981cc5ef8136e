# Shifts, inversion and bit masks on ints in compiled loops, at the int64 edges: a shift that
# loses bits or a count outside 0..63 takes the interpreter's path (big ints, ValueError).

def shifts(values, counts):
    out = []
    for v in values:
        for c in counts:
            try:
                out.append((v << c, v >> c, ~v, ~(v << c) & 0xFFFF))
            except ValueError as e:
                out.append(str(e))
    return out

def popcount_loop(n):
    total = 0
    for i in range(n):
        x = i
        while x:
            x &= x - 1
            total += 1
        total += (i >> 3) ^ (~i & 7)
    return total

def bits(n):
    full = (1 << n) - 1
    def count(cols, ld, rd):
        if cols == full:
            return 1
        total = 0
        avail = full & ~(cols | ld | rd)
        while avail:
            bit = avail & -avail
            avail -= bit
            total += count(cols | bit, ((ld | bit) << 1) & full, (rd | bit) >> 1)
        return total
    return count(0, 0, 0)

vals = [0, 1, -1, 5, -7, 2**62, -2**62, 2**63 - 1, -2**63, 123456789]
cnts = [0, 1, 2, 31, 62, 63, 64, 65, 100, -1]
for row in shifts(vals, cnts):
    print(row)
print(popcount_loop(3000))
print([bits(n) for n in range(1, 9)])
print((1 << 70) >> 69, (-1) >> 200, 1 << 0)
