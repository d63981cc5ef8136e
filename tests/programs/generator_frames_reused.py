# Generator and coroutine frames reused once finished: values returned, raised or yielded last stay
# valid, abandoned generators are swept, nested yield from, close/throw on finished generators.
def counter(n, tag):
    total = []
    for i in range(n):
        total.append((tag, i))
        yield i
    return total

def delegating(n):
    got = yield from counter(n, "d")
    yield len(got)
    return got[-1]

def raising(n):
    big = [n] * 50
    yield sum(big)
    raise ValueError(f"done {n} {big[0]}")

async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)

results = []
for round_ in range(300):
    g = counter(5, round_)
    results.append(sum(g))
    d = delegating(3)
    out = list(d)
    results.append(out[-1])
    try:
        for v in raising(round_):
            results.append(v)
    except ValueError as e:
        results.append(str(e))
    abandoned = counter(10, "x")
    next(abandoned)
    if round_ % 50 == 0:
        junk = [[k, str(k)] for k in range(3000)]
print(len(results), results[:8], results[-4:])

def returns_local():
    local = ["kept", [1, 2, 3]]
    yield 1
    return local

g = returns_local()
next(g)
try:
    next(g)
except StopIteration as stop:
    value = stop.value
for _ in range(200):
    list(counter(20, "fill"))
print(value)
g.close()
try:
    g.throw(KeyError("late"))
except KeyError as e:
    print("KeyError", e)
coro = fib(18)
try:
    while True:
        coro.send(None)
except StopIteration as stop:
    print("fib", stop.value)
print(sum(x * x for x in range(1000)), max(len(str(i)) for i in range(100000)))
