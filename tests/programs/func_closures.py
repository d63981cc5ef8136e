# closures with nonlocal
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(5), c2(), c1())
def make_adders():
    adders = []
    for i in range(3):
        def adder(x, i=i):
            return x + i
        adders.append(adder)
    return adders
print([a(100) for a in make_adders()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    x = "changed"
    return middle()
print(outer())
def accum():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = accum()
a(1)
a(2)
print(a(3))
def nested_nonlocal():
    v = 0
    def lvl1():
        def lvl2():
            nonlocal v
            v += 10
        lvl2()
        lvl2()
    lvl1()
    return v
print(nested_nonlocal())
def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib
print(fib_memo()(90))
def shared():
    val = [0]
    def get():
        return val[0]
    def put(x):
        nonlocal val
        val = [x]
    return get, put
g, p = shared()
print(g())
p(42)
print(g())
def make_multiplier(n):
    return lambda x: x * n
doubles = make_multiplier(2)
triples = make_multiplier(3)
print(doubles(5), triples(5))
