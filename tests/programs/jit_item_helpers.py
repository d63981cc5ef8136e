# Item reads and stores that machine code makes through helpers (dicts, strs, slices, classes
# with __getitem__/__setitem__), including the exceptions they raise.

class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        if key == (9, 9):
            raise IndexError("off the grid")
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        if value < 0:
            raise ValueError("negative cell")
        self.cells[key] = value

def words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
        counts[w[:2]] = counts.get(w[:2], 0) + 1
    return sorted(counts.items())

def letters(s):
    out = []
    for i in range(len(s)):
        out.append(s[i] + s[-1 - i])
    return "".join(out), s[1:4], s[::-1]

def grid(n):
    g = Grid()
    log = []
    for i in range(n):
        g[i, i] = i * i
        try:
            g[i, 0] = -i
        except ValueError as e:
            log.append(str(e))
    total = 0
    for i in range(n):
        total += g[i, i] + g[i, 0]
    try:
        total += g[9, 9]
    except IndexError as e:
        log.append(str(e))
    return total, log[:2], len(log)

def missing(d, keys):
    out = []
    for k in keys:
        try:
            out.append(d[k])
        except KeyError as e:
            out.append("KeyError " + str(e))
    return out

def tuple_items(t):
    return t[-1], t[0], t[1:], (t[5] if len(t) > 5 else None)

for _ in range(30):
    r1 = words("the cat and the hat and the bat")
    r2 = letters("stressed")
    r3 = grid(4)
    r4 = missing({"a": 1, 2: "b"}, ["a", 2, "z", (1,)])
    r5 = tuple_items((1, 2, 3))
print(r1)
print(r2)
print(r3)
print(r4)
print(r5)
d = {}
d[[1]] = 2
