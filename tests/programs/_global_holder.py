# Helper module of typed_globals_modules.py: a global that another module rebinds (`m.count = v`).
count = 0
scale = 2


def total(n):
    s = None
    for i in range(n):
        v = count * scale
        s = v if s is None else s + v
    return s


def bump():
    global count
    count += 1


def put(name, v):
    globals()[name] = v
