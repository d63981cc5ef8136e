async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)

c = fib(10)
print(type(c).__name__, repr(c).startswith('<coroutine object fib at 0x'))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)

class Ticket:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        got = yield ('ticket', self.n)
        return got * 2

async def worker(name):
    total = 0
    for i in range(3):
        total += await Ticket(i)
    return name + ':' + str(total)

w = worker('w')
print(w.send(None))
print(w.send(10))
print(w.send(20))
try:
    w.send(30)
except StopIteration as e:
    print('done', e.value)

async def guarded():
    try:
        await Ticket(1)
    except KeyError as e:
        print('caught', repr(e))
        return 'recovered'
    finally:
        print('finally')

g = guarded()
print(g.send(None))
try:
    g.throw(KeyError('k'))
except StopIteration as e:
    print('stop', e.value)

g2 = guarded()
g2.send(None)
g2.close()
print('closed')

async def bad_await():
    await 5
b = bad_await()
try:
    b.send(None)
except TypeError as e:
    print(e)

class NotIter:
    def __await__(self):
        return 5
async def bad2():
    await NotIter()
try:
    bad2().send(None)
except TypeError as e:
    print(e)

async def nothing():
    return 7
n = nothing()
try:
    iter(n)
except TypeError as e:
    print(e)
try:
    next(n)
except TypeError as e:
    print(e)
try:
    n.send(1)
except TypeError as e:
    print(e)
try:
    n.send(None)
except StopIteration as e:
    print('value', e.value)

async def raises_stop():
    raise StopIteration
try:
    raises_stop().send(None)
except RuntimeError as e:
    print(e)

async def chain(k):
    r = []
    for i in range(k):
        r.append(await nothing())
    return r
cc = chain(3)
try:
    cc.send(None)
except StopIteration as e:
    print(e.value)

