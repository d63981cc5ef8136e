# generator pipelines over lazy streams
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squares(it):
    for x in it:
        yield x * x
def window(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(take(10, squares(evens(numbers())))))
print(list(window(take(7, numbers()), 3)))
print(sum(take(1000, squares(numbers()))))
def running_sum(it):
    s = 0
    for x in it:
        s += x
        yield s
print(list(running_sum(take(10, numbers()))))
def interleave(a, b):
    a = iter(a)
    b = iter(b)
    while True:
        try:
            yield next(a)
        except StopIteration:
            yield from b
            return
        try:
            yield next(b)
        except StopIteration:
            yield from a
            return
print(list(interleave("abc", [1, 2, 3, 4, 5])), list(interleave([], "xy")))
def group_runs(s):
    it = iter(s)
    try:
        cur = next(it)
    except StopIteration:
        return
    n = 1
    for ch in it:
        if ch == cur:
            n += 1
        else:
            yield cur, n
            cur, n = ch, 1
    yield cur, n
print(list(group_runs("aaabccddddde")), list(group_runs("")))
gen = squares(range(5))
print(next(gen), list(gen), list(gen))
