# A for loop's header is compiled again for its back-edge with the iterator's kind (range or list
# iterator) proven by the first ForIter, and steps it without a kind test. Every path into that
# version must have proved it: one loop site over many kinds of iterables, nested loops that break,
# continue and return, lists changed during the loop, exceptions out of the body, generators.


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def gen(n):
    for i in range(n):
        yield i * 2


class Seq:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n, 0, -1))


kinds = [[1, 2, 3], range(4), (5, 6), range(10, 0, -3), {7: 1, 8: 2}, {9}, gen(3), Seq(3), [], "", range(0)]
out = []
for k in range(120):
    it = kinds[k % len(kinds)]
    if isinstance(it, str):
        out.append(len(it))
    else:
        out.append(total(gen(3) if k % len(kinds) == 6 else it))
print(sum(out), out[:12])


def nested(rows):
    acc = 0
    for r in range(rows):
        for c in [r, r + 1, r + 2]:
            if c % 5 == 0:
                continue
            if c > 40:
                break
            for d in range(c % 4):
                acc += d * c
        else:
            acc -= 1
    return acc


print("nested", [nested(n) for n in (3, 30, 60)])


def first_big(xs, limit):
    for x in xs:
        if x > limit:
            return x
    return None


for k in range(50):
    first_big(list(range(k)), k // 2)
print("return inside", first_big([1, 5, 9], 4), first_big(range(3), 10), first_big((7, 8), 7))


def grows(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if x < 3:
            xs.append(x + 10)
        if len(seen) > 50:
            break
    return seen


print("grows", [grows([0, 1, 2, 3]) for _ in range(40)][-1])


def shrinks(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if x == 2:
            xs.clear()
    return seen, xs


print("shrinks", [shrinks([1, 2, 3, 4]) for _ in range(40)][-1])


def rebinding(xs):
    n = 0
    for x in xs:
        xs = (100, 200)       # the loop keeps its iterator
        n += x
    return n, xs


print("rebinding", [rebinding([1, 2, 3]) for _ in range(40)][-1])


def raises(xs):
    s = 0
    for x in xs:
        s += 10 // x
    return s


errors = 0
for k in range(60):
    try:
        raises([1, 2, k % 7])
    except ZeroDivisionError:
        errors += 1
print("raises", errors, raises(range(1, 6)))


def mixed_items(xs):
    s = 0.0
    for x in xs:
        s = s + x
    return s


r = 0
for k in range(40):
    r = mixed_items([1, 2.5, True, k])
print("mixed items", r, mixed_items(range(5)), mixed_items([0.5] * 4))
try:
    mixed_items([1.0, 2.0, "x"])
except TypeError as e:
    print("str item:", e)


def in_generator(rows):
    for r in range(rows):
        for c in [r, -r]:
            yield c


print("generator", sum(in_generator(200)), list(in_generator(3)))


def big_ranges(n):
    s = 0
    for i in range(2 ** 62, 2 ** 62 + n):
        s += i % 7
    for i in range(2 ** 64, 2 ** 64 + n):
        s += i % 11
    return s


print("big ranges", [big_ranges(k) for k in range(40)][-3:])
