# __call__ and callable
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, scale=1):
        self.calls += 1
        return (x + self.n) * scale
add5 = Adder(5)
print(add5(1), add5(2, scale=10), add5.calls, callable(add5), callable(5), callable(len), callable(Adder))
print(list(map(add5, [0, 10])), add5.calls)
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = Memo(slow_fib)
print(fib(80), len(fib.cache))
@Memo
def square(n):
    return n * n
print(square(12), square(12), square.cache)
def decorator(f):
    def wrapper(*args, **kwargs):
        print("calling", args, kwargs)
        return f(*args, **kwargs)
    return wrapper
@decorator
def mul(a, b):
    return a * b
print(mul(6, 7))
class Pipeline:
    def __init__(self, *funcs):
        self.funcs = funcs
    def __call__(self, v):
        for f in self.funcs:
            v = f(v)
        return v
p = Pipeline(lambda x: x + 1, Adder(10), str, len)
print(p(5), p(995))
try:
    n = 5
    n()
except TypeError as e:
    print("TypeError:", e)
