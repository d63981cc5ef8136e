# Another style: readings kept in plain lists and walked with `for x in xs` (no indexing), records
# kept as mixed tuples `(name, count, value)` unpacked in loops, and lists that change kind between
# phases (ints that become floats, a None marking a gap, a str appended as a trailer mid-loop).


def mean(xs):
    s = 0.0
    for x in xs:
        s += x
    return s / len(xs)


def spread(xs, m):
    s = 0.0
    for x in xs:
        d = x - m
        s += d * d
    return s


def count_over(xs, limit):
    n = 0
    for x in xs:
        if x > limit:
            n += 1
    return n


def totals(records):
    by = {}
    for name, count, value in records:
        by[name] = by.get(name, 0.0) + count * value
    return by


def trailer(xs):
    # Appends a str to the list it walks: the loop must see the list's kind change.
    s = 0.0
    for x in xs:
        if isinstance(x, str):
            break
        s += x
        if len(xs) == 300:
            xs.append("end")
    return s


def main():
    ints = [(i * 37) % 101 for i in range(300)]
    floats = [x * 0.5 + 0.25 for x in ints]
    records = [("k%d" % (i % 7), i % 5, (i % 11) * 0.5) for i in range(300)]
    acc = 0.0
    for phase in range(120):
        xs = ints if phase % 3 == 0 else floats
        m = mean(xs)
        acc += spread(xs, m) / len(xs) + count_over(xs, m)
        if phase % 10 == 0:
            gaps = floats[:]
            gaps[phase % 300] = None
            acc += count_over([g for g in gaps if g is not None], m)
        t = totals(records)
        acc += t["k3"]
        acc += trailer(floats[:])
    print(round(acc, 6))


main()
