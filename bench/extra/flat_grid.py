# A grid kept in one flat list, indexed by arithmetic on the row and the column: a relaxation that
# averages each cell with its neighbours (a division by an int count), weights read through a global
# helper, and a sweep whose loop variable is never read (a dead `for _`) with a float accumulator.
SCALE = 0.25

def weight(r, c):
    return 1.0 / (r + c + 1)

def relax(grid, n, out):
    for r in range(1, n - 1):
        base = r * n
        for c in range(1, n - 1):
            k = base + c
            total = grid[k - 1] + grid[k + 1] + grid[k - n] + grid[k + n]
            out[k] = total / 4 * SCALE + grid[k] * weight(r, c)

def mean_of_rows(grid, n):
    acc = 0.0
    for r in range(n):
        row = 0.0
        for c in range(n):
            row += grid[r * n + c] / (c + 1)
        acc += row / n
    return acc

def damp(grid, times):
    x = 1.0
    for _ in range(times):
        x = x * 0.999 + 0.001
    for i in range(len(grid)):
        grid[i] = grid[i] * x

def main():
    n = 90
    grid = [float((i * 7) % 13) for i in range(n * n)]
    out = [0.0] * (n * n)
    for step in range(60):
        relax(grid, n, out)
        grid, out = out, grid
        damp(grid, 200)
    print("%.6f" % mean_of_rows(grid, n))
    print("%.6f" % sum(grid))

main()
