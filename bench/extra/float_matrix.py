# Float kernels on flat lists (a matrix as one list, row-major): matrix products, a Jacobi
# relaxation of a 2-D grid and a polynomial evaluated by Horner's rule, with temporaries in
# expressions rather than in attributes (nbody's style). Prints checksums only.


def matmul(a, b, n):
    c = [0.0] * (n * n)
    for i in range(n):
        row = i * n
        for k in range(n):
            aik = a[row + k]
            col = k * n
            for j in range(n):
                c[row + j] = c[row + j] + aik * b[col + j]
    return c


def jacobi(grid, n, steps):
    nxt = grid[:]
    for _ in range(steps):
        for i in range(1, n - 1):
            base = i * n
            for j in range(1, n - 1):
                p = base + j
                nxt[p] = (grid[p - 1] + grid[p + 1] + grid[p - n] + grid[p + n]) * 0.25 - grid[p] * 0.001
        grid, nxt = nxt, grid
    return grid


def horner(xs, coefficients):
    total = 0.0
    for x in xs:
        y = 0.0
        for c in coefficients:
            y = y * x + c
        total = total + y / (1.0 + x * x)
    return total


n = 80
a = [((i * 7 + 3) % 11) / 11.0 - 0.5 for i in range(n * n)]
b = [((i * 5 + 1) % 13) / 13.0 - 0.5 for i in range(n * n)]
c = matmul(a, b, n)
c = matmul(c, a, n)
print("matmul %.9f" % sum(c))
g = 48
grid = [0.0] * (g * g)
for i in range(g):
    grid[i] = 1.0
    grid[i * g] = 0.5
print("jacobi %.9f" % sum(jacobi(grid, g, 400)))
xs = [i / 20000.0 - 1.0 for i in range(40000)]
print("horner %.9f" % horner(xs, [0.5, -1.25, 2.0, 0.75, -0.3, 1.1, -0.9, 0.2]))
