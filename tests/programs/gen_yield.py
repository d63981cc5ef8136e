# generator functions with yield
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def trace():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = trace()
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(next(g, "exhausted"))
def with_return():
    yield "a"
    return "result"
gr = with_return()
print(next(gr))
try:
    next(gr)
except StopIteration as e:
    print("return value:", e.value, e.args)
def take(it, n):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(take(primes(), 12))
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in cleanup():
    print("got", v)
def pairs(seq):
    for i in range(len(seq) - 1):
        yield seq[i], seq[i + 1]
print(list(pairs("abcd")))
gen = count_up(3)
print(iter(gen) is gen, list(gen), list(gen))
def yield_in_expr():
    x = yield
    yield x * 2
ye = yield_in_expr()
print(next(ye), ye.send(21))
def loop_with_try():
    for i in range(4):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield "caught " + str(e)
print(list(loop_with_try()))
