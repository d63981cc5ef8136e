# Leaf functions inlined into traces run without a pushed frame (a virtual frame): every way out of
# the inlined code (a guard, an overflow, an exception, a helper call) must find the frame as if it
# had been pushed. Each part changes something mid-loop.


def area(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def twice(x):
    return x + x


def shout(s):
    return s + "!"


def divide(a, b):
    return a // b


def square(x):
    return x * x


def first():
    return 1


def second():
    return 2


def pick():
    return first()


def with_default(x, k=3):
    return x + k


def make_adder(n):
    def add(x):
        return x + n
    return add


def leaf(n):
    return n + 1


def pair(n):
    yield n
    yield n * 2


def deep(n):
    if n == 0:
        return leaf(0)
    return deep(n - 1) + leaf(n)


def main():
    s = 0.0
    for i in range(2000):
        s += area(i, 3)
    print("floats", round(s, 9))

    # the argument's type changes inside the callee mid-loop: int, float, then str
    out = []
    for i in range(300):
        v = i if i < 100 else (i + 0.5 if i < 200 else str(i))
        out.append(twice(v))
    print("types", out[99], out[100], out[199], out[200], out[-1])

    # a helper call inside the inlined callee (str concatenation)
    t = ""
    for i in range(200):
        t = shout(t) if i % 50 else t + "."
    print("helper", len(t), t[:12])

    # a zero divisor inside the callee, caught by the caller
    caught = 0
    total = 0
    for i in range(400):
        try:
            total += divide(1000, i % 97)
        except ZeroDivisionError:
            caught += 1
    print("zero", caught, total)

    # an int overflow inside the callee: big integers from the callee
    big = 0
    x = 3
    for i in range(150):
        x = square(x) % (10 ** 40) + i
        big ^= x
    print("big", big)

    # the global callee rebound mid-loop
    global first
    acc = 0
    for i in range(300):
        if i == 150:
            first = second
        acc += pick()
    print("rebound", acc)

    # defaults and closures
    d = 0
    add5 = make_adder(5)
    for i in range(300):
        d += with_default(i) + add5(i)
        if i == 200:
            add5 = make_adder(7)
    print("defaults", d)

    # keyword arguments and generators: not inlined, still right
    kw = 0
    for i in range(300):
        kw += leaf(n=i) + sum(pair(i))
    print("kwargs", kw)

    # recursion around a leaf call, past the recursion limit
    print("deep", deep(200))
    try:
        deep(5000)
    except RecursionError:
        print("recursion error")


main()
