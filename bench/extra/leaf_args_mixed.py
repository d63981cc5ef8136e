# Leaf calls whose arguments are read in place (branch `spectral`) in other styles than
# spectral_norm: a matrix product over nested lists through a three-argument leaf, a leaf called
# with ints and floats alternately, a leaf with a repeated subexpression whose ints grow past 64
# bits, and a leaf called from a generator (whose frame is not on the frame stack).


def mul_add(acc, a, b):
    return acc + a * b


def weight(i, j):
    return (i - j) * (i - j) + i * j + 1


def scale(x, k):
    return x * k + x


def matmul(a, b, n):
    c = []
    for i in range(n):
        row = a[i]
        out = [0.0] * n
        for j in range(n):
            s = 0.0
            for k in range(n):
                s = mul_add(s, row[k], b[k][j])
            out[j] = s
        c.append(out)
    return c


def alternating(n):
    t = 0.0
    for i in range(n):
        t += scale(i, 3) if i % 2 else scale(i * 0.5, 1.5)
    return t


def growing(n):
    t = 0
    v = 3
    for i in range(n):
        t += weight(v, i)
        v = v * 3 if v < 2 ** 80 else 3
    return t


def weights(n):
    for i in range(n):
        yield weight(i, n - i) + weight(n - i, i)


def main():
    n = 60
    a = [[(i * n + j) % 7 * 0.5 for j in range(n)] for i in range(n)]
    b = [[(i + 2 * j) % 5 * 0.25 for j in range(n)] for i in range(n)]
    c = matmul(a, b, n)
    print("matmul", round(sum(sum(r) for r in c), 6))
    print("alternating", round(alternating(200000), 3))
    print("growing", growing(60000) % 1000000007)
    print("generator", sum(weights(100000)) % 1000000007)


main()
