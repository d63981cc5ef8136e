# List element kinds: loads typed by a list's element kind must stay right through every way a
# list changes (stores, append, insert, extend, slices, sort, reverse, repetition, aliasing), and
# a list whose kind changes in the middle of a hot loop must give the interpreter's answers.
import random


def pair_sum(xs, n):
    s = 0.0
    for i in range(n - 1):
        a = xs[i]
        b = xs[i + 1]
        s += a * b - a
    return s


def describe(xs):
    out = []
    for i in range(len(xs) - 1):
        a = xs[i]
        b = xs[i + 1]
        out.append(type(a).__name__ + "/" + type(b).__name__)
    return out[:3] + out[-3:]


def mutate_in_loop(xs, ys):
    total = 0.0
    for i in range(len(xs) - 1):
        a = xs[i]
        ys[i] = "s" if i == 150 else a   # ys may be xs itself: a store of another kind
        b = xs[i + 1]
        if isinstance(b, str):
            total += 1000
        else:
            total += a + b
    return total


def swap_all(xs):
    for i in range(len(xs) - 1):
        xs[i], xs[i + 1] = xs[i + 1], xs[i]
        c = xs[i]
        d = xs[i + 1]
        if c == d:
            xs[i] = c + 0
    return xs[:4]


def run():
    floats = [i * 0.25 for i in range(300)]
    print(pair_sum(floats, 300))
    ints = list(range(300))
    print(pair_sum(ints, 300))
    ints[100] = 2.5                 # a float in an int list
    print(pair_sum(ints, 300))
    more = [1.5] * 300
    more.append(7)                  # an int at the end
    print(pair_sum(more, 301))
    more.insert(0, None) if False else more.insert(5, 3)
    print(pair_sum(more, 302))
    ext = [0.5] * 10
    ext.extend([1, 2, 3])
    print(pair_sum(ext, 13), describe(ext))
    sl = [2.0] * 20
    sl[3:6] = [1, 2]
    print(pair_sum(sl, 19), describe(sl))
    sl2 = [2.0] * 20
    sl2[::2] = [3] * 10
    print(pair_sum(sl2, 20), describe(sl2))
    mixed = [3, 1.5, 2, 0.5] * 50
    mixed.sort()
    print(pair_sum(mixed, 200), describe(mixed))
    mixed.reverse()
    print(pair_sum(mixed, 200))
    rnd = [float(i) for i in range(100)]
    random.seed(5)
    random.shuffle(rnd)
    print(pair_sum(rnd, 100))
    copy = floats[10:20] + [1]
    print(pair_sum(copy, 11), describe(copy))
    f2 = [float(i) for i in range(300)]
    print(mutate_in_loop(f2, f2), describe(f2))
    f3 = [float(i) for i in range(300)]
    other = [0.0] * 300
    print(mutate_in_loop(f3, other), describe(other))
    print(swap_all([float(i) for i in range(50)]))
    print(swap_all(list(range(50))))
    for rep in range(40):
        xs = [rep * 0.5] * 60
        if rep % 7 == 3:
            xs[30] = rep        # an int among floats now and then
        if rep % 11 == 5:
            xs[31] = "x"
            print(describe(xs))
            continue
        print(rep, pair_sum(xs, 60))


run()
