# n-queens: count all solutions by backtracking with lists and sets, for several board sizes
def solve(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    placement = [0] * n
    solutions = [0]
    first = []

    def place(row):
        if row == n:
            solutions[0] += 1
            if not first:
                first.append(placement[:])
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            placement[row] = c
            place(row + 1)
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)

    place(0)
    return solutions[0], first[0] if first else []

def solve_bits(n):
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

for n in range(4, 12):
    s, first = solve(n)
    print(n, s, first, solve_bits(n))
print("bits 12:", solve_bits(12), "bits 13:", solve_bits(13))
