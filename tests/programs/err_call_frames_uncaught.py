# An exception raised several direct JIT calls deep, with pending arguments and a float
# accumulator under each call, propagates uncaught: the traceback names every frame.
def inner(x, k):
    if x > 280:
        raise KeyError("deep " + str(x))
    return x * 0.5 + k


def middle(x):
    s = 0.0
    s += inner(x, 1.0) + inner(x, 2.0)
    return s


def outer(n):
    total = 0.0
    for i in range(n):
        total = total + middle(i)
    return total


print(outer(200))
print(outer(300))
