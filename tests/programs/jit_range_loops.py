# range(...) followed by GetIter compiles to one helper that builds the native range iterator;
# any other callable or argument (bool, big int, float, a zero step, a shadowed range) runs both ops.
def f(n):
    t = 0
    for i in range(n):
        for j in range(i, n, 2):
            t += j
        for j in range(n, i, -3):
            t -= j
    for i in range(True):
        t += 100
    for i in range(2**64, 2**64 + 3):
        t += i % 7
    try:
        for i in range(1, 5, 0):
            pass
    except ValueError as e:
        print(e)
    try:
        for i in range(1.5):
            pass
    except TypeError as e:
        print(e)
    return t
for k in range(5):
    print(f(30 + k))
range = lambda *a: [7, 8]
def g():
    s = 0
    for x in range(3):
        s += x
    return s
print(g(), g())
