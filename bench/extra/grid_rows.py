# Another style: a grid kept as a list of row lists, each generation computed into fresh rows and
# put back with slice assignment (`row[1:-1] = inner`, `grid[a:b] = rows`), cells that hold ints,
# then floats after a diffusion phase, then ints again; bodies kept as small lists
# `[row, col, heat]` moved over the grid; and each generation summarized by run-length encoding a
# row into a string. Written for issue 19's "no program slower" check.

W = 40
H = 24


def make_grid(seed):
    grid = []
    k = seed
    for r in range(H):
        row = []
        for c in range(W):
            k = (k * 69069 + 1) % 4294967296
            row.append(k % 4)
        grid.append(row)
    return grid


def life_step(grid):
    new_rows = []
    for r in range(1, H - 1):
        up = grid[r - 1]
        row = grid[r]
        down = grid[r + 1]
        inner = []
        for c in range(1, W - 1):
            n = up[c - 1] + up[c] + up[c + 1] + row[c - 1] + row[c + 1] + down[c - 1] + down[c] + down[c + 1]
            inner.append((n + row[c]) % 4)
        new_rows.append(row[:1] + inner + row[-1:])
    grid[1:H - 1] = new_rows


def diffuse(grid, rate):
    for r in range(1, H - 1):
        row = grid[r]
        up = grid[r - 1]
        down = grid[r + 1]
        inner = [row[c] * (1.0 - rate) + (up[c] + down[c] + row[c - 1] + row[c + 1]) * rate / 4.0
                 for c in range(1, W - 1)]
        row[1:-1] = inner


def quantize(grid):
    for row in grid:
        row[:] = [int(v) % 4 for v in row]


def move_bodies(bodies, grid):
    for b in bodies:
        r, c = b[0], b[1]
        here = grid[r][c]
        b[2] = b[2] + here
        if here % 2 == 0:
            c = (c + 1) % W
        else:
            r = (r + 1) % H
        b[0] = r
        b[1] = c


def rle(row):
    out = ""
    prev = row[0]
    n = 1
    for v in row[1:]:
        if v == prev:
            n += 1
        else:
            out += str(n) + "abcd"[int(prev) % 4]
            prev = v
            n = 1
    return out + str(n) + "abcd"[int(prev) % 4]


grid = make_grid(2024)
bodies = [[i % H, (i * 7) % W, 0] for i in range(30)]
check = 0
text_len = 0
for gen in range(120):
    if gen % 10 == 9:
        diffuse(grid, 0.3)
        total = 0.0
        for row in grid:
            for v in row:
                total += v
        check = (check + int(total * 10)) % 1000000007
        quantize(grid)
    else:
        life_step(grid)
    move_bodies(bodies, grid)
    s = rle(grid[gen % H])
    text_len += len(s)
    for ch in s:
        check = (check * 131 + ord(ch)) % 1000000007

print(check, text_len)
print(sum(b[2] for b in bodies), bodies[:3])
print(rle(grid[5]))
