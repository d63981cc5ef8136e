# Float locals kept in xmm12..xmm15 across loops that call an inlined leaf and read list items
# (docs/JIT-CORE.md, "Float locals across leaf calls and item reads"): every way out of the loop,
# out of the leaf's code and out of the item read must write the accumulator back exactly.

def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def weight(i, j):
    return i * 0.5 + j


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out.append(s)
    return out


def dot_while(xs, ys):
    # an index loop with a while: the index and the sum both change every iteration
    total = 0.0
    k = 0
    while k < len(xs):
        total += xs[k] * ys[k]
        k += 1
    return total


def running_sums(xs):
    acc = 0.0
    sums = []
    for k in range(len(xs)):
        acc = acc + xs[k]
        sums.append(acc)
    return sums


def item_changes_type(v):
    # v[j] is an int, then a string: s becomes ... a TypeError in the middle of the loop
    s = 0.0
    j = 0
    try:
        for j in range(len(v)):
            s += weight(3, j) * v[j]
    except TypeError as e:
        print("TypeError at", j, "s =", s, type(e).__name__)
    return s


def accumulator_becomes_int(v):
    # the leaf returns ints once its arguments are ints: s turns int, then float again
    s = 0.0
    for j in range(len(v)):
        s += v[j]
        if j == 2:
            s = 7
    return s


def index_out_of_range(v, n):
    s = 0.0
    j = -1
    try:
        for j in range(n):
            s += eval_a(1, j) * v[j]
    except IndexError as e:
        print("IndexError at", j, "s = %.12f" % s, e)
    return s


def leaf_divides_by_zero(v):
    s = 0.0
    j = 0
    try:
        for j in range(len(v)):
            s += eval_a(-j, j - 1) * v[j]   # (i + j) = -1 at every j: divisor i + 1 - ... hits 0
    except ZeroDivisionError as e:
        print("ZeroDivisionError at", j, "s = %.12f" % s, e)
    return s


def leaf_overflows(v):
    s = 0.0
    for j in range(len(v)):
        s += eval_a(2 ** 40 * j, 2 ** 40 * j) * v[j]
    return s


def breaks_out(v, limit):
    s = 0.0
    j = 0
    for j in range(len(v)):
        s += eval_a(j, 1) * v[j]
        if s > limit:
            break
    return j, s


def returns_from_inside(v, limit):
    s = 0.0
    for j in range(len(v)):
        s += eval_a(j, 2) * v[j]
        if s > limit:
            return "returned", j, s
    return "ran out", s


def rebinds_the_leaf(v):
    global eval_a
    original = eval_a
    s = 0.0
    for j in range(len(v)):
        s += eval_a(j, 3) * v[j]
        if j == 5:
            eval_a = lambda i, j: print("called", i, j) or 2.5
    eval_a = original
    return s


def leaf_of_floats(xs):
    # the leaf is called with a float argument: the same loop shape with another leaf
    s = 0.0
    for k in range(len(xs)):
        s += weight(xs[k], k) * 0.25
    return s


def nested_accumulators(rows):
    grand = 0.0
    for row in rows:
        part = 0.0
        for k in range(len(row)):
            part += weight(k, 1) * row[k]
        grand += part
    return grand, part


def list_mutated_in_loop(v):
    s = 0.0
    for j in range(len(v)):
        s += eval_a(j, j) * v[j]
        if j == 3:
            v[j + 1] = "x" if len(v) > 100 else 10
    return s


n = 40
v = [1.0] * n
u = mul_av(v, n)
print(["%.9f" % x for x in u[:5]])
print("%.9f" % sum(u))
w = mul_av(u, n)
print("%.12f" % (sum(w) / sum(u)))
print(dot_while([0.5 * k for k in range(50)], [1.0 + k for k in range(50)]))
print(running_sums([0.25, 1.5, -2.0, 3.125, 1e300, -1e300, 0.1])[-3:])
print(item_changes_type([1.0, 2.0, 3, 4, "no", 5.0]))
print(accumulator_becomes_int([1.5, 2.5, 3.5, 4, 5]))
print(accumulator_becomes_int([1, 2, 3, 4, 5]))
print(index_out_of_range([2.0] * 10, 14))
print(leaf_divides_by_zero([1.0] * 8))
print("%.6e" % leaf_overflows([1.0] * 12))
print(breaks_out([1.0] * 50, 1.1))
print(returns_from_inside([1.0] * 60, 0.6))
print(returns_from_inside([1.0] * 6, 100.0))
print(rebinds_the_leaf([1.0] * 9))
print(leaf_of_floats([0.5 * k for k in range(30)]))
print(nested_accumulators([[1.0, 2.0, 3.0], [0.5] * 7, [], [2.0, -1.0]]))
print(list_mutated_in_loop([1.0] * 9))
for rounds in range(3):
    print(rounds, "%.9f" % sum(mul_av([float(k) for k in range(12)], 12)))
