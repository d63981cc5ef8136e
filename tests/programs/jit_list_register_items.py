# List items through the register cache: an index or value an int op left in a register is stored
# or read without a frame round trip, `x = lst[i]` writes the local directly, and a store keeps the
# list's element kind with one compare. Slow paths (negative indexes, IndexError), ints that
# overflow to big ints in a register, lists whose kind changes in the middle of a loop.

def shift_left(xs, r):
    # perm1[i] = perm1[i + 1]: the index i + 1 stays in a register
    i = 0
    while i < r:
        xs[i] = xs[i + 1]
        i += 1
    return xs

print(shift_left(list(range(10)), 6))
print(shift_left([1.5, "a", None, (1, 2), 3, [4]], 5))

def store_sums(xs, k):
    # the value i * k + 1 stays in a register; near 2**62 it overflows into a big int
    for i in range(len(xs)):
        xs[i] = i * k + 1
    return xs

print(store_sums([0] * 6, 3))
print(store_sums([0] * 6, 2**62))
print(store_sums([0.5] * 4, 7))

def read_into_locals(xs):
    t = 0
    for i in range(-len(xs), len(xs)):
        x = xs[i]          # negative indexes take the slow path, then reach the local
        t = t * 31 + x
    return t

print(read_into_locals([3, 1, 4, 1, 5, 9]))

def index_is_the_local(xs):
    i = 0
    steps = 0
    while i >= 0 and steps < 20:
        i = xs[i]          # the index is the local the item replaces
        steps += 1
    return i, steps

print(index_is_the_local([3, 0, -1, 2]))

def kind_changes(xs, n):
    # a list of ints gets a float, a str and an object in the middle of the loop
    t = 0
    for i in range(n):
        j = i % len(xs)
        if i == n // 3:
            xs[j] = 2.5
        elif i == n // 2:
            xs[j] = "s"
        elif i == 2 * n // 3:
            xs[j] = (i,)
        else:
            xs[j] = i * 2
        v = xs[(j + 1) % len(xs)]
        if type(v) is int:
            t += v
    return t, [type(x).__name__ for x in xs]

print(kind_changes([0] * 7, 60))

def raises_between(xs, k):
    # an IndexError between a register-cached store and the end of its block
    out = []
    for i in range(k):
        try:
            v = i * 5 + 2
            xs[i + 2] = v
            out.append(xs[i])
        except IndexError as e:
            out.append(("IndexError", str(e), i))
    return out, xs

print(raises_between([0, 1, 2, 3, 4], 5))

def swap_pairs(xs):
    # fannkuch's perm[i], perm[j] = perm[j], perm[i] on a list that mixes kinds
    i = 0
    j = len(xs) - 1
    while i < j:
        xs[i], xs[j] = xs[j], xs[i]
        i += 1
        j -= 1
    return xs

print(swap_pairs(list(range(9))))
print(swap_pairs([1, 2.0, "three", None, 5]))

def histogram(values, buckets):
    counts = [0] * buckets
    for v in values:
        b = v % buckets
        counts[b] = counts[b] + 1
    counts[-1] = counts[-1] + 2**63   # a big int item in an int list
    counts[0] += 1
    return counts

print(histogram([x * 7 for x in range(40)], 5))

def negative_register_index(xs):
    for i in range(len(xs)):
        xs[i - 3] = xs[i - 1] * 2
    return xs

print(negative_register_index([1, 2, 3, 4, 5]))

def swap_slow_paths(xs, ys):
    # negative indexes (the slow path then swaps the entries itself), an IndexError in the second
    # load, and items of two lists swapped into each other
    out = []
    for k in range(-3, 4):
        try:
            xs[k], xs[k + 2] = xs[k + 2], xs[k]
        except IndexError as e:
            out.append(("IndexError", k, str(e)))
        ys[k % 3], xs[k % 4] = xs[k % 4], ys[k % 3]
    return out, xs, ys

print(swap_slow_paths([1, 2, 3, 4, 5], [0.5, "y", None]))

def swap_with_local(xs):
    a = 0
    b = 1
    for i in range(len(xs)):
        a, b = b, xs[i]
        xs[i] = a
    return a, b, xs

print(swap_with_local([7, 8.5, "z", 9]))

def swap_then_typed(xs, n):
    # swapping keeps an int list's kind: the typed sum after sees only ints; a float then joins
    t = 0
    for r in range(n):
        i = r % 5
        j = 4 - i
        xs[i], xs[j] = xs[j], xs[i]
        t += xs[0] + xs[4]
        if r == n - 3:
            xs[2] = 0.25
    return t, xs

print(swap_then_typed([1, 2, 3, 4, 5], 40))

def augmented(xs, n):
    # c[k] op= v: negative indexes (the slow path runs the ops unspecialized), an IndexError
    # caught, a float joining an int list, and a big int from an overflowing add
    out = []
    for i in range(n):
        k = i % 7 - 3
        xs[k] += i
        try:
            xs[k + 6] -= 1
        except IndexError as e:
            out.append((i, str(e)))
        if i == n - 4:
            xs[0] += 0.5
        if i == n - 2:
            xs[1] += 2**63
    return out[:3], len(out), xs

print(augmented([1, 2, 3, 4, 5], 40))

def counts_of(values, buckets):
    counts = [0] * buckets
    for v in values:
        counts[v % buckets] += 1
    return counts

print(counts_of([i * i for i in range(300)], 11))
