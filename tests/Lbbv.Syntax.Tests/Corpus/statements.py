import os
import os.path as p, sys
from collections import OrderedDict as OD, deque
from math import (sqrt,
    floor,)
from m import *
x = 1
a = b = c = [1, 2]
a, b = b, a
(a, b), [c, *d] = t
x.y = z[1] = 3
x += 1; y -= 2; z *= 3; w @= m
x /= 1; x //= 2; x %= 3; x **= 4; x >>= 1; x <<= 2; x &= 3; x |= 4; x ^= 5
n: int = 5
m: "list[int]"
(q): int = 1
d.e: int
del a, b[0], c.d
del (a, b), [c]
if x: pass
if x:
    pass
elif y:
    pass
elif z: pass
else:
    pass
while x > 0:
    x -= 1
    if x == 5: break
    continue
else:
    print("done")
for i in range(10): print(i)
for i, (j, k) in enumerate(pairs):
    pass
else:
    pass
for *a, b in c: pass
try:
    pass
except ValueError:
    pass
except (KeyError, IndexError) as e:
    raise
except Exception as e:
    raise TypeError("x") from e
except:
    raise TypeError
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
assert x
assert x, "message"
global_var = 1
def f():
    global global_var, other
    x = 1
    def g():
        nonlocal x
        x = 2
    return g
class C: pass
class D(C, object):
    """doc"""
    attr = 1
    def method(self, a, b=2, *args, c, d=4, **kwargs):
        return self
@decorator
@decorator.attr(1, 2)
@(lambda f: f)
def decorated(): ...
@dataclass
class E:
    x: int
    y: int = 0
if True: x = 1; y = 2;
pass; pass
x = \
    1 + \
    2
with a:
    pass
with a as b, c() as (d, e), f as g.h:
    pass
with (a as b, c):
    pass
with (a, b) as c:
    pass
with (a):
    pass
with (a, b,):
    pass
def posonly(a, b=1, /, c=2, *, d, **k): pass
lam = lambda x, /, y: x
class K(Base, metaclass=Meta, flag=True): pass
if (n := 10) > 5: print([y := f(x) for x in data])
x: int = 1
(y): int
