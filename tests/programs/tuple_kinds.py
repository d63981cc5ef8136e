# Tuples whose items change kind between iterations: floats then a str or None, ints that grow
# big, nested tuples, and tuples made by zip, enumerate, dict.items(), divmod, slicing,
# concatenation and tuple(). Unpacking and indexing must see every item as it is.


def float_pairs(n):
    pairs = [(i * 0.5, i * 1.5) for i in range(n)]
    sx = 0.0
    sy = 0.0
    for x, y in pairs:
        sx += x
        sy += y * x
    return sx, sy


def changing_pairs():
    pairs = [(1.5, 2.5), (3.0, 4.0), (1.0, "s"), (None, 2.0), (2.5, 0.5), (True, 3), (7, 8)]
    out = []
    for a, b in pairs:
        if isinstance(a, float) and isinstance(b, float):
            out.append(a * b)
        else:
            out.append(repr(a) + "/" + repr(b))
    return out


def growing_ints():
    p = (1, 1)
    seen = []
    for i in range(90):
        a, b = p
        p = (b, a + b)
        if i % 15 == 0:
            seen.append(p[0] + p[1])
    return seen, p


def nested():
    tree = (1, ((2.0, 3.0), (4, (5, "six"))))
    a, (b, (c, d)) = tree[0], tree[1]
    (x, y), z = b, c
    total = 0
    for _ in range(3):
        total += a + x * y + z + d[0]
    return total, d[1], tree[1][1][1][1]


def eval_tree(t):
    op = t[0]
    if op == "n":
        return t[1]
    l, r = eval_tree(t[1]), eval_tree(t[2])
    if op == "+":
        return l + r
    return l * r


def made_by_builtins():
    lines = []
    s = 0
    for i, (a, b) in enumerate(zip([1, 2.5, 3], ["x", 4, None])):
        lines.append((i, a, b))
    for k, v in {"a": 1, "b": 2.0, "c": (3, 4)}.items():
        lines.append((k, v))
    for n in range(1, 8):
        q, r = divmod(n * 7, 3)
        s += q * r
        fq, fr = divmod(n * 2.5, 1.5)
        lines.append(round(fq + fr, 6))
    t = (1, 2.0, "three", None, (5,), 6)
    h = t[1:4]
    u = t[:2] + (9.5, 10.5)
    v = tuple([0.5, 1.5, 2.5]) + tuple(range(3))
    for x, y in (h[:2], u[2:], v[1:3], v[3:5]):
        lines.append((x, y, type(x).__name__, type(y).__name__))
    w = tuple("ab")
    c, d = w
    lines.append(c + d)
    lines.append(s)
    return lines


def main():
    print(float_pairs(50))
    print(changing_pairs())
    seen, last = growing_ints()
    print(seen)
    print(last)
    print(nested())
    e = ("+", ("*", ("n", 2), ("n", 3.5)), ("+", ("n", 10 ** 20), ("n", -1)))
    for _ in range(4):
        print(eval_tree(e))
    for line in made_by_builtins():
        print(line)
    pts = [(float(i), float(i + 1)) for i in range(30)] + [(1.0, None)] + [(i, i) for i in range(5)]
    acc = 0.0
    for p in pts:
        try:
            x, y = p
            acc += x * y
        except TypeError as exc:
            print("TypeError:", exc)
    print(acc)
    try:
        a, b = (1.0, 2.0, 3.0)
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        a, b, c = (1.0, 2.0)
    except ValueError as exc:
        print("ValueError:", exc)


main()
