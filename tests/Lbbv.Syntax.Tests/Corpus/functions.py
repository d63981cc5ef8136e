def simple(): pass
def positional(a, b, c): return a
def defaults(a, b=1, c=2): pass
def star(*args): pass
def kwargs(**kw): pass
def kwonly(*, a, b=1): pass
def kwonly_no_default_after_default(*, a=1, b): pass
def everything(a, b=1, *args, c, d=2, **kw): pass
def annotated(a: int, b: "str" = "x", *args: int, c: float = 1.0, **kw: dict) -> None: pass
def trailing(a, b,): pass
def trailing_kw(*, a,): pass
def gen():
    yield
def gen2():
    yield 1
    x = yield 2
    y = yield from other()
    z = (yield)
    yield a, b
def not_gen():
    def inner():
        yield 1
    lambda: (yield)
    class K:
        pass
    return [x for x in y]
def gen_in_comp_iter():
    return [x for x in (yield)]
def gen_in_fstring():
    f"{(yield)}"
def gen_nested_if():
    if x:
        while y:
            yield 3
def early_return(x):
    if x:
        return
    return x, 1
def starred_return():
    return *a, b
class Outer:
    class Inner:
        def m(self): return self
    def __init__(self):
        self.x = 1
    @property
    def prop(self): return self.x
    @staticmethod
    def st(): pass
def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)
lam = lambda x, y=1, *a, k=2, **kw: (x, y, a, k, kw)
def closure():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
