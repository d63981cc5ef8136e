# isinstance with a tuple of builtin classes written at the call (built once at compile time by the
# JITs) and with a value whose type the JIT knows (folded to a constant): every answer as CPython's.


class MyList(list):
    pass


class MyStr(str):
    pass


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42


class Special(metaclass=Meta):
    pass


def size(v):
    if isinstance(v, (str, list, tuple)):
        return len(v)
    if isinstance(v, float):
        return int(v) % 1000
    if isinstance(v, (int,)):
        return v % 1000
    return -1


def kinds(v):
    out = 0
    if isinstance(v, (int, float)):
        out += 1
    if isinstance(v, (bool,)):
        out += 2
    if isinstance(v, (dict, set, type(None))):
        out += 4
    if isinstance(v, (Special, str)):
        out += 8
    if isinstance(v, (object,)):
        out += 16
    return out


def typed_loop(n):
    # i is an int, f a float, s a str, b a bool in the loop: each isinstance is known.
    total = 0
    s = "ab"
    for i in range(n):
        f = i * 0.5
        b = i % 2 == 0
        if isinstance(i, (float, str)):
            total += 1000
        if isinstance(f, (int, float)):
            total += 1
        if isinstance(b, (int,)):
            total += 2
        if isinstance(s, (list, tuple)):
            total += 5000
        if isinstance(None, (type(None), int)):
            total += 3
    return total


values = [1, 2.5, "abc", [1, 2], (1,), {1: 2}, {3}, None, True, 10 ** 30, MyList([1, 2, 3]),
          MyStr("xy"), 42, Special()]
for rnd in range(60):
    sizes = [size(v) for v in values]
    ks = [kinds(v) for v in values]
print(sizes)
print(ks)
print(typed_loop(3000))
tuples = []
for i in range(3):
    t = (str, list)
    tuples.append(t)
print(tuples[0] == tuples[1], tuples[0] is tuples[1] or len(tuples))
