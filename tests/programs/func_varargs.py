# *args and **kwargs, call-site unpacking
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()))
def g(a, b=2, *args, **kwargs):
    return a, b, args, kwargs
print(g(1), g(1, 5, 6, 7), g(1, x=1, y=2), g(1, 2, 3, z=4))
def h(**kw):
    out = []
    for k in kw:
        out.append(k + "=" + str(kw[k]))
    return ",".join(out)
print(h(), h(a=1, b=2, c=3))
args = [1, 2, 3]
print(f(*args), f(0, *args, 4), f(*"ab", *range(2)))
kwargs = {"b": 20, "x": 30}
print(g(10, **kwargs), g(*[1, 2], **{"q": 1}))
def total(*nums, start=0):
    s = start
    for n in nums:
        s += n
    return s
print(total(1, 2, 3), total(1, 2, start=10), total())
def fwd(*a, **k):
    return g(*a, **k)
print(fwd(1, 2, 3, key="v"))
def kwonly(*, a, b=2):
    return a * b
print(kwonly(a=3), kwonly(b=5, a=2))
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
print(max(*[3, 8, 1]), print(*["x", "y"], sep="-"))
