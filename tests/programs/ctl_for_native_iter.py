# for over range and list iterators (stepped inline by the JIT): steps, limits, mutation, nesting
BIG = 2**63


def total(it):
    s = 0
    for v in it:
        s += v
    return s


def collect(r):
    out = []
    for i in r:
        out.append(i)
    return out


# steps of both signs, empty ranges, hot enough to be compiled
acc = 0
for rep in range(60):
    acc += total(range(rep)) + total(range(rep, 0, -1)) + total(range(-rep, rep, 3))
    acc += total(range(rep, rep)) + total(range(5, 0)) + total(range(0, 5, -1))
print("steps", acc)
print(collect(range(10, -11, -7)), collect(range(-3, 4, 2)), collect(range(3, 3)))

# near the int64 limits: the last value is produced, the one after it never is
print(collect(range(BIG - 3, BIG - 1)))
print(collect(range(-BIG, -BIG + 3)))
print(collect(range(-BIG, BIG - 1, 2**62)))
print(collect(range(BIG - 1, -BIG, -2**62)))
print(collect(range(BIG - 2, BIG - 1, 10)), collect(range(-BIG + 1, -BIG, -10)))
print(collect(reversed(range(-BIG, BIG - 1, 2**62))))
print(len(range(-BIG, BIG - 1, 2**62)), len(range(BIG - 5, BIG - 1)))

# big-int ranges stay on the general path
print(collect(range(BIG, BIG + 3)), collect(range(BIG + 2, BIG - 2, -2)))
print(total(range(BIG - 2, BIG + 2)))

# the loop variable is an int, and arithmetic on it overflows into big ints
x = 0
for i in range(BIG - 3, BIG - 1):
    x = i * 4 + 1
print(x, type(i).__name__)

# lists: appending while iterating sees the new items (CPython semantics)
xs = [1, 2, 3]
for v in xs:
    if v < 40:
        xs.append(v * 3)
print(xs)
# removing while iterating skips items
ys = list(range(10))
for v in ys:
    if v % 2 == 0:
        ys.remove(v)
print(ys)
# clearing ends the loop at the next step
zs = [1, 2, 3, 4]
seen = []
for v in zs:
    seen.append(v)
    if v == 2:
        zs.clear()
print(seen, zs)
# an exhausted list iterator stays exhausted when the list grows
ws = [1]
it = iter(ws)
for v in it:
    pass
ws.append(2)
print(list(it), next(it, "done"))
# a list iterator shared by two loops
it = iter(list(range(8)))
for a in it:
    if a == 3:
        break
rest = []
for b in it:
    rest.append(b)
print(a, rest)

# the same loop site over many kinds of iterables (range, list, tuple, str, dict, generator, ...)
def kinds(things):
    out = []
    for t in things:
        n = 0
        for item in t:
            n += 1
        out.append(n)
    return out

mixed = [range(4), [1, 2], (1, 2, 3), "hello", {"a": 1}, (c for c in "xy"), range(0), [], {1, 2}, reversed([1, 2, 3])]
for rep in range(40):
    r = kinds(mixed[:-2] + [(c for c in "xy"), reversed([1, 2, 3])])
print(r)

# nested loops with break, continue and else
found = []
for i in range(2, 60):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        found.append(i)
print(found)
grid = [[r * 10 + c for c in range(5)] for r in range(4)]
s = 0
for row in grid:
    for cell in row:
        if cell % 3 == 0:
            continue
        s += cell
    else:
        s += 1000
print(s)
for i in range(3):
    pass
else:
    print("else", i)
for v in []:
    print("never")
else:
    print("else on empty list")
count = 0
for i in range(1000000):
    count += 1
    if i == 12345:
        break
else:
    print("not reached")
print(count, i)

# floats and objects from lists
fs = [0.5 * k for k in range(50)]
f = 0.0
for rep in range(40):
    for v in fs:
        f += v
print(f)
words = ["a", "bb", "ccc"] * 20
n = 0
for rep in range(40):
    for w in words:
        n += len(w)
print(n)

# iterators outside for loops
r = iter(range(3))
print(next(r), list(r), list(r))
print(type(iter(range(2))).__name__, type(iter([])).__name__)
print(sum(range(-5, 6)), list(zip(range(3), [7, 8, 9])), list(enumerate(range(10, 7, -1))))
print(sorted(iter([3, 1, 2])), max(iter(range(7))), min(range(3, -3, -1)))
print(bool(range(0)), bool(range(BIG - 1, -BIG, -1)))
