# Tuples of mixed and changing shapes unpacked in hot loops (inline unpack of a tuple of known
# count, its items untyped; the typed unpack of a tuple whose kind is computed when first asked):
# counts that change (ValueError), lists and strings in place of tuples, kinds that flip between
# iterations, big ints, tuples made by slicing and concatenation, nested unpacks, `for a, b in`.


def run_machine(code, rounds):
    total = 0
    stack = []
    for _ in range(rounds):
        for instr in code:
            op, arg = instr
            if op == "push":
                stack.append(arg)
            elif op == "add":
                b = stack.pop()
                a = stack.pop()
                stack.append(a + b)
            elif op == "pop":
                total += stack.pop()
    return total, len(stack)


def unpack_any(items):
    out = []
    for it in items:
        try:
            a, b = it
            out.append((type(a).__name__, type(b).__name__))
        except ValueError as e:
            out.append(str(e))
        except TypeError as e:
            out.append(str(e))
    return out


def flips(n):
    s = 0.0
    for i in range(n):
        if i % 5 == 0:
            t = (i, "x")
        elif i % 5 == 1:
            t = (i * 0.5, i * 0.25)
        elif i % 5 == 2:
            t = (None, i)
        elif i % 5 == 3:
            t = (10 ** 20 + i, 1)
        else:
            t = (True, 2.5)
        a, b = t
        if a is None:
            s += b
        elif isinstance(b, str):
            s += a
        else:
            s += a * b
    return s


def made_by_ops(n):
    s = 0
    base = (1, 2, 3, 4)
    for i in range(n):
        a, b = base[i % 3:i % 3 + 2]
        c, d = (i,) + (i + 1,)
        e, f = (i, 1.5)[::-1]
        s += a * b + c * d + int(e * f)
    return s


def nested(n):
    acc = []
    for i in range(n):
        (a, b), c = ((i, "q"), i * 1.5)
        acc.append(a + c)
    return sum(acc)


def pairs_loop(rows):
    s = 0.0
    names = 0
    for name, value in rows:
        names += len(name)
        s += value
    return names, s


def changing_counts(n):
    ok = 0
    bad = 0
    for i in range(n):
        t = (1, 2) if i % 7 else (1, 2, 3)
        try:
            a, b = t
            ok += a + b
        except ValueError:
            bad += 1
    return ok, bad


def short_and_long(items):
    out = 0
    errs = []
    for it in items:
        try:
            a, b = it
            out += a * 10 + b
        except ValueError as e:
            errs.append(str(e))
    return out, errs


def main():
    code = [("push", 3), ("push", 4.5), ("add", None), ("pop", 0)] * 50
    print(run_machine(code, 40))
    things = [(1, "a"), ("b", 2.0), (1, 2, 3), [4, 5], "xy", (None, None), (1,), 7, (10 ** 30, -1)]
    for _ in range(30):
        r = unpack_any(things)
    print(r)
    print(flips(3000))
    print(made_by_ops(2000))
    print(nested(2000))
    rows = [("k" * (i % 4), i * 0.5) for i in range(500)]
    for _ in range(10):
        r = pairs_loop(rows)
    print(r)
    rows[250] = ("z", 10 ** 25)
    rows[251] = ["list", 1.0]
    print(pairs_loop(rows))
    print(changing_counts(3000))
    items = [(1, 2)] * 50 + [(5,), (6, 7, 8), (1.5, 2.5), (3, 4), (7,), (True, False)]
    for _ in range(20):
        r = short_and_long(items)
    print(r)


main()
