# `for x in xs` typed by the list's element kind: every way the list being iterated can change
# kind while its loop runs (appends, stores by index through another name, slice assignment,
# `xs[:] = ...`, sort, extend, insert, a store in a called function), nested loops over lists
# of different kinds, big ints, and one loop site over lists of many kinds.


def total(xs):
    s = 0.0
    for x in xs:
        s += x * 2.0
    return s


def append_str_midway(xs):
    out = []
    for x in xs:
        if len(out) == 50:
            xs.append("tail")
        if isinstance(x, str):
            out.append(x)
        else:
            out.append(x + 1.0)
    return len(out), out[-1], out[49]


def alias_store(xs, ys, at):
    s = 0.0
    n = 0
    for x in xs:
        n += 1
        if n == at:
            ys[at + 3] = "alias"
        if type(x) is float:
            s += x
        else:
            s -= 1000.0
    return s


def slice_assign(xs):
    s = 0
    seen = []
    for x in xs:
        if x == 5:
            xs[6:9] = [None, "a", 2.5]
        seen.append(repr(x))
        if isinstance(x, int):
            s += x * 3
    return s, seen


def whole_replace(xs):
    acc = []
    for x in xs:
        if len(acc) == 3:
            xs[:] = [10, 20, 30, 40, 50, 60]
        acc.append(x + x)
    return acc


def to_ints(xs):
    n = 0
    for x in xs:
        n += 1
        if n == 4:
            for i in range(len(xs)):
                xs[i] = i
        acc = x + 1
        if n > 8:
            break
    return n, acc, xs[:5]


def big_ints(xs):
    s = 0
    for x in xs:
        s += x * x
        if s > 10 ** 12:
            xs.append(s)
            if len(xs) > 30:
                break
    return s, len(xs), xs[-1]


def nested(rows):
    s = 0.0
    for row in rows:
        for v in row:
            s += v * 0.5
    return s


def mutate_in_callee(xs):
    def spoil(ys, i):
        if i == 7:
            ys[9] = True
    s = 0
    i = 0
    for x in xs:
        spoil(xs, i)
        i += 1
        s += x + 1
    return s


def one_site(items):
    out = []
    for x in items:
        out.append(x)
    return out


def sorted_midway(xs):
    r = []
    for x in xs:
        if len(r) == 2:
            xs.sort()
        r.append(x - 0.25)
    return r


def extend_insert(xs):
    r = 0.0
    k = 0
    for x in xs:
        k += 1
        if k == 3:
            xs.extend([1.0, 2.0])
        if k == 4:
            xs.insert(10, 7)
        if k == 6:
            xs.insert(0, "front")
        r += x * 1.5
    return r, len(xs)


def bools_and_nones(xs):
    t = 0
    for x in xs:
        if x:
            t += 1
        else:
            t -= 1
    return t


def main():
    fl = [i * 0.25 for i in range(200)]
    for _ in range(30):
        t = total(fl)
    print("total", t)
    mixed = fl[:]
    mixed[100] = 7
    print("total mixed", total(mixed))
    ints = list(range(200))
    print("total ints", total(ints))
    for k in range(6):
        print("append", append_str_midway([j * 1.0 for j in range(60 + k)]))
    for k in range(5):
        xs = [j * 0.5 for j in range(40)]
        print("alias", alias_store(xs, xs, 10 + k), alias_store(xs[:], [0.0] * 40, 10 + k))
    for k in range(4):
        print("slice", slice_assign(list(range(12 + k))))
    for k in range(4):
        print("whole", whole_replace([1.5, 2.5, 3.5, 4.5, 5.5]))
    for k in range(4):
        print("to_ints", to_ints([j + 0.5 for j in range(20)]))
    for k in range(3):
        print("big", big_ints([10 ** 5 + j for j in range(25)]))
    rows = [[float(i + j) for j in range(8)] for i in range(20)]
    rows.append([1, 2, 3])
    rows.append([])
    rows.append([True, False])
    for k in range(20):
        s = nested(rows)
    print("nested", s)
    for k in range(5):
        print("callee", mutate_in_callee(list(range(15))))
    for k in range(40):
        kinds = [[1, 2], [1.5], [None, None], [True], ["a", "b"], [(1, 2)], [[3]], [1, "x", 2.0]][k % 8]
        r = one_site(kinds)
    print("one_site", r)
    for k in range(5):
        print("sorted", sorted_midway([3.0, 1.0, 2.0, 0.5]))
    for k in range(5):
        print("extend", extend_insert([0.5 * j for j in range(12)]))
    for k in range(20):
        b = bools_and_nones([True, False, True, True] * 5)
    print("bools", b, bools_and_nones([None, None, 1, True, None]))


main()
