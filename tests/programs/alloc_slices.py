# List slices with None or int bounds take a copy fast path (items copied into the new list's own
# cell): every shape of bounds, lists whose element kind changes, big-int and bool bounds, list
# subclasses, steps, and enough copies to force collections.
def shapes(xs):
    n = len(xs)
    out = []
    for lo in (None, 0, 1, -1, -n, -n - 3, n, n + 5, 2 ** 63 - 1, -2 ** 63, 2 ** 70, -2 ** 70, True):
        for hi in (None, 0, 2, -2, n, n + 7, -n - 1, 2 ** 64, False):
            out.append((xs[lo:hi], xs[lo:], xs[:hi]))
    return out

for xs in ([], [1], [1, 2, 3, 4, 5], [1.5, "a", None, (1,), [2]], list(range(40))):
    r = shapes(xs)
    print(len(r), r[7], r[-1], r[len(r) // 2])
    print(xs[::2], xs[1:-1:3], xs[::-1], xs[-2::-2])

def copies(rounds):
    perm1 = [0, 1, 2, 3, 4, 5, 6, 7, 8]
    total = 0
    keep = []
    for r in range(rounds):
        perm = perm1[:]
        perm[r % 9], perm[0] = perm[0], perm[r % 9]
        total += (100 if perm[0] == "kind" else perm[0]) + len(perm1[2:]) + len(perm1[:-3])
        if r % 1000 == 0:
            keep.append(perm1[r % 5:])
        if r == rounds // 2:
            perm1[4] = "kind"
        if r == rounds - 100:
            perm1 = [0.5] * 9
    return total, len(keep), keep[-1], perm

print(copies(150000))

def grow_after_copy():
    a = [1, 2, 3]
    b = a[:]
    for i in range(50):
        b.append(i)
    c = b[10:20]
    c.extend(b)
    del c[:5]
    c[2:4] = [9, 9, 9, 9]
    b.clear()
    b.append("x")
    return a, len(c), c[:8], b, a[1:] + b

print(grow_after_copy())

class Sliced(list):
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("sliced", k.start, k.stop)
        return list.__getitem__(self, k)

def sub(xs):
    return xs[1:3], xs[:], xs[0]

print(sub([7, 8, 9]), sub(Sliced([7, 8, 9])), sub((7, 8, 9)), sub("789"))

class Index:
    def __index__(self):
        return 2

print([1, 2, 3, 4][Index():], [1, 2, 3, 4][:Index()])
for bad in (1.5, "x"):
    try:
        print([1, 2][bad:])
    except TypeError as e:
        print("TypeError", e)
try:
    print([1, 2][::0])
except ValueError as e:
    print("ValueError", e)
