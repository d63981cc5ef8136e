# Calls between compiled functions: direct machine-code calls, their side exits, exceptions and
# recursion limits, and method calls whose class changes under them.

def add(a, b):
    return a + b

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def countdown(n):
    if n == 0:
        raise ValueError("reached zero")
    return countdown(n - 1)

def deep(n):
    return deep(n + 1)

def shape(x):
    # Returns different types: callers must not assume the callee's result type.
    if x % 3 == 0:
        return str(x)
    if x % 3 == 1:
        return x * 0.5
    return x

def defaults(a, b=10):
    return a + b

def make_adder(k):
    def adder(x):
        return x + k
    return adder

def gen(n):
    for i in range(n):
        yield i * i

class Shape:
    def __init__(self, w):
        self.w = w
    def area(self):
        return self.w * self.w
    def scaled(self, f):
        return self.area() * f

class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, w)
        self.h = h
    def area(self):
        return self.w * self.h

class Circle(Shape):
    def area(self):
        return 3 * self.w * self.w

def total_area(shapes):
    t = 0
    for s in shapes:
        t += s.scaled(2)
    return t

def guarded(n):
    try:
        return countdown(n)
    except ValueError as e:
        return "caught " + str(e)

def run():
    t = 0
    for i in range(300):
        t = add(t, i)
    print("sum", t)
    print("fib", fib(18))
    print(guarded(5))
    try:
        deep(0)
    except RecursionError as e:
        print("recursion:", e)
    print([shape(i) for i in range(7)])
    print(defaults(1), defaults(1, 2), defaults(b=3, a=4))
    add5 = make_adder(5)
    print([add5(i) for i in range(3)])
    print(sum(gen(10)))
    shapes = [Shape(2), Rect(2, 3), Circle(1), Shape(3)] * 20
    print("areas", total_area(shapes))
    Shape.area = lambda self: -1
    print("after change", total_area(shapes))
    try:
        add(1)
    except TypeError as e:
        print("TypeError:", e)
    total = 0
    for i in range(50):
        total += len(str(fib(i % 10)))
    print("total", total)

run()
countdown(3)
