# Big ints converted to float and divided to float round half-even on the dropped bits: exact halves,
# just above and below a half, odd and even kept bits, results near the subnormal range, negatives.
def cases():
    out = []
    for bits in (53, 54, 55, 64, 100, 1000):
        base = 1 << bits
        for extra in (0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17):
            out.append(base + extra)
            out.append(base - extra)
        half = 1 << (bits - 54) if bits > 54 else 0
        if half:
            for k in (1, 2, 3):
                out.append(base + k * (1 << (bits - 53)) + half)
                out.append(base + k * (1 << (bits - 53)) + half + 1)
                out.append(base + k * (1 << (bits - 53)) + half - 1)
    return out

for n in cases():
    print(float(n), float(-n), n / 3, (-n) / 7, n / (1 << 40))

# True division of big ints whose quotient has a remainder (the sticky bit) or lands in subnormals.
big = 3 ** 600
print(big / 7, big / (big * 5 + 1), (big + 1) / big)
for e in (1060, 1070, 1074, 1075, 1080):
    print(1 / (1 << e), 3 / (1 << e), (1 << 200) / (1 << (200 + e)), ((1 << 200) + 1) / (1 << (200 + e)))
print((10 ** 400 + 1) / 10 ** 390, 10 ** 308 * 17 // 10 / 10 ** 300)
