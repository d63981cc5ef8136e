# The walrus operator (PEP 572 scoping), positional-only parameters, and their errors.
def f(a, b, /, c, *, d=4):
    return a, b, c, d


print(f(1, 2, 3), f(1, 2, c=3, d=5))
for call in [lambda: f(1, b=2, c=3), lambda: f(a=1, b=2, c=3), lambda: f(1), lambda: f(1, 2, 3, 4),
             lambda: f(1, 2, e=3)]:
    try:
        call()
    except TypeError as e:
        print(e)


def g(a, /, **k):
    return a, k


print(g(1, a=2))
h = lambda x, /, y=2: (x, y)
print(h(1), h(1, y=3))


def k(a=1, /, b=2):
    return a, b


print(k(), k(5), k(5, b=6))

if (n := 10) > 5:
    print("n", n)
data = [1, 2, 3, 4]
print([y for x in data if (y := x * 2) > 4], y)


def outer():
    total = [(last := v) for v in range(5)]
    return total, last


print(outer())


def counter():
    count = 0

    def bump():
        nonlocal count
        [(count := count + i) for i in range(3)]
        return count
    return bump


print(counter()())
while (chunk := data.pop()) != 2:
    print("chunk", chunk)
print((w := 5), w)


class C:
    x = (q := 3)
    doubled = q * 2


print(C.x, C.doubled, C.q)


def nested_comprehension():
    [[(inner := a * b) for a in range(3)] for b in range(2)]
    return inner


print(nested_comprehension())
values = {"a": 1}
if (found := values.get("a")) is not None:
    print("found", found)
print(sum(v for v in range(10) if (sq := v * v) % 2), sq)
