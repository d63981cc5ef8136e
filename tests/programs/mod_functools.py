# functools: reduce, partial, lru_cache/cache, wraps, cmp_to_key, total_ordering.
import functools
from functools import cmp_to_key, lru_cache, partial, reduce, total_ordering, wraps

p = partial(int, base=2)
print(p("101"), p.func, p.args, p.keywords)


def sub(a, b, c=0):
    return a - b - c


q = partial(sub, 10)
print(q(3), q(3, c=1), partial(q, 2)(), partial(q, 2).args, repr(partial(max, 1, key=abs)).split(" at ")[0])
print(reduce(lambda a, b: a + b, [1, 2, 3]), reduce(lambda a, b: a + b, [], 5), reduce(max, "hello"))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)
try:
    partial()
except TypeError as e:
    print(e)
try:
    partial(1)
except TypeError as e:
    print(e)

calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


sq(1); sq(2); sq(1); sq(3); sq(2)
print(sq.cache_info(), calls, sq.__name__, sq.__wrapped__.__name__)
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.cache
def h(x, y=1):
    return x + y


print(h(2), h(2), h(2, y=1), h(x=2), h.cache_info())


@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed.cache_info())
try:
    lru_cache(maxsize="a")
except TypeError as e:
    print(e)

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), sorted("bca", key=cmp_to_key(lambda a, b: (a > b) - (a < b))))


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), V(2) >= V(2), V.__gt__.__name__)


@total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __ge__(self, o):
        return self.v >= o.v


print(G(1) < G(2), G(1) <= G(1), G(3) > G(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper


@logged
def documented(x):
    """Adds one."""
    return x + 1


documented_original = documented.__wrapped__
print(documented(1), documented.__name__, documented.__doc__, documented.__qualname__, documented_original(5))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


class Method:
    def __init__(self):
        self.n = 0

    @lru_cache(maxsize=None)
    def cached(self, x):
        self.n += 1
        return x * 2


m = Method()
print(m.cached(2), m.cached(2), m.n)
