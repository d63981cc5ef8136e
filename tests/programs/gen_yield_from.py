# yield from delegation, including return values
def inner(n):
    for i in range(n):
        yield i
    return n * 10
def outer():
    r1 = yield from inner(2)
    yield "r1=" + str(r1)
    r2 = yield from inner(3)
    yield "r2=" + str(r2)
print(list(outer()))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, 4], []], [[5]], 6])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], range(3), (x * x for x in range(3)))))
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield "node" + str(depth)
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def delegator():
    result = yield from echo()
    yield "final " + str(result)
d = delegator()
print(next(d), d.send(5), d.send(10), d.send(None))
def gen_range_from():
    yield from range(3)
    yield from {"k": 1, "j": 2}
print(list(gen_range_from()))
