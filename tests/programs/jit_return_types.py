# Return versioning: calls continue typed by their callee's return type; callees that come to
# return other types (a widening profile), raise, recurse or leave their machine code must still
# give the interpreter's answers.

def half(x):
    return x * 0.5

def maybe(i):
    if i % 997 == 0:
        return None
    return i + 1

def phases(i):
    if i < 300:
        return i * 1.5
    if i < 500:
        return str(i)
    if i < 700:
        return [i]
    return i

def depth(n):
    if n == 0:
        return 0.25
    return depth(n - 1) + 1.0

def risky(i):
    if i == 450:
        raise ValueError("bad " + str(i))
    return i * 2

def item(xs, i):
    return xs[i]

def run(n):
    total = 0.0
    nones = 0
    kinds = {}
    errors = 0
    for i in range(n):
        h = half(i)
        total += h * 2.0 - h
        m = maybe(i)
        if m is None:
            nones += 1
        else:
            total += m
        p = phases(i)
        name = type(p).__name__
        kinds[name] = kinds.get(name, 0) + 1
        total += depth(i % 7)
        try:
            total += risky(i)
        except ValueError as e:
            errors += 1
            print("caught", e)
        xs = [1, 2.5, "x", None]
        v = item(xs, i % 4)
        if v is not None and not isinstance(v, str):
            total += v
    return total, nones, sorted(kinds.items()), errors

print(run(1000))
