# Small helper functions over lists of floats, in styles other than spectral_norm's: a helper's
# result times a list item, items compared with a float, rows kept in a list of lists, a
# smoothing pass that reads neighbours with negative offsets, and a list that gets an int halfway.
def lerp(a, b, t):
    return a + (b - a) * t

def weight(k, n):
    return 1.0 / (1 + k * k % n)

def clamp01(x):
    return x if 0.0 <= x <= 1.0 else (0.0 if x < 0.0 else 1.0)

def weighted_sum(xs):
    s = 0.0
    n = len(xs)
    for k in range(n):
        s += weight(k, n) * xs[k]
    return s

def blend(xs, ys, t):
    out = [0.0] * len(xs)
    for k in range(len(xs)):
        out[k] = lerp(xs[k], ys[k], t)
    return out

def count_below(xs, pivot):
    c = 0
    for k in range(len(xs)):
        if xs[k] < pivot:
            c += 1
    return c

def smooth(xs):
    n = len(xs)
    out = [0.0] * n
    for k in range(n):
        out[k] = clamp01((xs[k - 1] + xs[k] * 2.0 + xs[k - n + 1]) * 0.25)
    return out

def row_norms(rows):
    total = 0.0
    for row in rows:
        s = 0.0
        for k in range(len(row)):
            s += lerp(0.0, row[k], 0.5) * row[k]
        total += s ** 0.5
    return total

def main():
    n = 600
    xs = [((k * 37) % 101) / 101.0 for k in range(n)]
    ys = [((k * 53) % 97) / 97.0 for k in range(n)]
    rows = [[(r + k) % 7 * 0.125 for k in range(40)] for r in range(30)]
    acc = 0.0
    for step in range(400):
        zs = blend(xs, ys, (step % 10) / 10.0)
        acc += weighted_sum(zs)
        acc += count_below(zs, 0.5)
        zs = smooth(zs)
        acc += zs[step % n]
        acc += row_norms(rows)
        if step == 200:
            xs.append(1)  # the list's items are no longer all floats
            ys.append(0.5)
    print(round(acc, 6))

main()
