# positional and keyword arguments, defaults, keyword-only
def f(a, b, c=3, d=4):
    return (a, b, c, d)
print(f(1, 2), f(1, 2, 5), f(1, 2, d=9), f(b=7, a=6), f(1, c=0, b=2))
def g(a, *, key, flag=False):
    return a, key, flag
print(g(1, key="k"), g(2, flag=True, key=0))
def h(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(h(1), h(2), h(3, [0]))
def describe(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(describe("Ann"), describe("Bob", "Hi"), describe("Cy", punct="?"))
def errs():
    try:
        f(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        f(1, 2, 3, 4, 5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        f(1, 2, e=5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        f(1, 2, a=5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        g(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        g(1, 2)
    except TypeError as e:
        print("TypeError:", e)
errs()
def noargs():
    return "none"
print(noargs())
def defaults_eval(x=len("abc") * 2):
    return x
print(defaults_eval(), defaults_eval(0))
def recursive_sum(lst):
    if not lst:
        return 0
    return lst[0] + recursive_sum(lst[1:])
print(recursive_sum(list(range(50))))
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())
