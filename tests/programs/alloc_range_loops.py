# Range and list iterators that machine code makes for a `for` loop and frees when the loop ends
# (loop-owned iterators): arguments that change type mid-loop, `range` rebound, step 0, negative
# steps, huge counts, loops left by break or exception, iterators the program keeps, and enough
# churn to force collections while loop iterators are live.
def total(n, m):
    s = 0
    for i in range(n):
        for j in range(i + 1, m):
            s += i * j
    return s

print(total(5, 5), total(0, 3), total(3, 0), total(-2, 4))
for n in (10, 3.0, 7, True, -2 ** 70, 12):
    try:
        print(total(3, n))
    except TypeError as e:
        print("TypeError", e)

def bounds(a, b):
    out = []
    for x in range(a, b):
        out.append(x)
    return out

print(bounds(2 ** 63 - 3, 2 ** 63 - 1), bounds(-2 ** 63, -2 ** 63 + 2), len(bounds(-5, 5)))
print(bounds(2 ** 64, 2 ** 64 + 2), bounds(5, 2), bounds(False, 3))

def stepped(a, b, c):
    out = []
    for x in range(a, b, c):
        out.append(x)
    return out

for args in ((0, 10, 3), (10, 0, -3), (0, 10, -1), (5, -5, -4), (0, 1, 2 ** 65)):
    print(stepped(*args))
try:
    stepped(0, 10, 0)
except ValueError as e:
    print("ValueError", e)

def huge():
    k = 0
    for i in range(-2 ** 63, 2 ** 63 - 1):
        k += 1
        if k == 4:
            break
    for i in range(2 ** 62):
        if i == 3:
            return k, i
    return k

print(huge())

def leave_early(rounds):
    found = 0
    for r in range(rounds):
        for i in range(100):
            if i == r % 7:
                found += i
                break
        try:
            for j in range(10):
                if j == 2:
                    raise KeyError(j)
        except KeyError:
            found += 1
    return found

print(leave_early(3000))

def kept_iterator():
    it = iter(range(5))
    got = []
    for x in it:
        got.append(x)
        if x == 2:
            break
    for x in it:
        got.append(x * 10)
    got.append(next(it, "done"))
    xs = [1, 2, 3]
    li = iter(xs)
    for x in li:
        got.append(x)
    xs.append(4)
    got.append(next(li, "exhausted"))
    return got

print(kept_iterator())

def gen(n):
    for i in range(n):
        for j in range(i):
            yield i * j

print(sum(gen(30)), list(gen(4)), [i * i for i in range(6)], sum(x for x in range(10)))

def churn(rounds):
    keep = []
    acc = 0
    for r in range(rounds):
        row = [r, r + 1, r + 2]
        for v in row:
            for w in range(v % 5):
                acc += w
                keep.append((v, w))
        if len(keep) > 5000:
            keep = keep[2500:]
    return acc, len(keep)

print(churn(60000))

def shadowed():
    out = []
    for i in range(3):
        out.append(i)
    return out

print(shadowed())
real_range = range
def range(*args):
    return ["shadow"] + list(real_range(*args))
print(shadowed(), total(2, 3) if False else "skip")
for i in real_range(3):
    print(shadowed())
del range
print(shadowed())

def lists_that_change(rounds):
    acc = 0
    data = [1, 2, 3]
    for r in range(rounds):
        if r == rounds // 2:
            data = (4, 5, 6)
        if r == rounds - 10:
            data = [7.5, "x", None]
        for x in data:
            acc += 1 if x is None or isinstance(x, str) else x
    grow = [1, 2]
    for x in grow:
        if len(grow) < 6:
            grow.append(x + 10)
    shrink = [1, 2, 3, 4, 5]
    for x in shrink:
        shrink.pop()
    return acc, grow, shrink

print(lists_that_change(4000))

class MyList(list):
    def __iter__(self):
        return iter([0, 0])

def sub_iter(xs):
    s = 0
    for k in range(1000):
        for x in xs:
            s += x
    return s

print(sub_iter([1, 2, 3]), sub_iter(MyList([5, 6])))
