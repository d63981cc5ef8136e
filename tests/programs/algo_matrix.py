# float matrix operations: multiply, transpose, gaussian elimination
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    out = [[0.0] * p for _ in range(n)]
    for i in range(n):
        row = a[i]
        for k in range(m):
            aik = row[k]
            bk = b[k]
            for j in range(p):
                out[i][j] += aik * bk[j]
    return out
def transpose(a):
    return [list(col) for col in zip(*a)]
def solve(a, b):
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        x[i] = (m[i][n] - sum(m[i][j] * x[j] for j in range(i + 1, n))) / m[i][i]
    return x
a = [[1.0, 2.0], [3.0, 4.0]]
print(matmul(a, a), transpose(a), matmul(a, [[1.0], [0.5]]))
n = 12
h = [[1.0 / (i + j + 1) for j in range(n)] for i in range(n)]
ident = matmul(h, [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)])
print(ident == h, round(sum(sum(r) for r in h), 10))
sys3 = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
print([round(v, 9) for v in solve(sys3, [8.0, -11.0, -3.0])])
m = [[(i * 7 + j * 3) % 10 - 4.5 for j in range(20)] for i in range(20)]
p = matmul(m, transpose(m))
print(p[0][:4], p[19][19], sum(p[i][i] for i in range(20)))
