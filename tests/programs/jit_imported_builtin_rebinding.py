# Builtin functions imported into module globals (`from math import sqrt`) are read as constants
# by JIT code, and their calls typed by the builtin's result: rebinding the global to another
# builtin, to a Python function returning another type, or deleting it, from the interpreter,
# from compiled code or from inside a call, must be seen by code compiled before.
from math import sqrt, sin, floor
import math


def roots(n):
    s = 0.0
    for i in range(n):
        s += sqrt(i)
    return s


for k in range(40):
    r = roots(10)
print("sqrt", round(r, 6))
sqrt = sin
print("rebound to another builtin", round(roots(10), 6))
sqrt = lambda x: "s"
try:
    roots(10)
except TypeError as e:
    print("rebound to a function returning str:", e)
sqrt = lambda x: x * 2
print("rebound to a function returning int", roots(10))
sqrt = math.sqrt


def rebind_inside(n):
    global sqrt
    out = []
    for i in range(n):
        out.append(sqrt(i * i))
        if i == 30:
            sqrt = abs
        if i == 35:
            sqrt = lambda v: [v]
    return out


print("rebound by compiled code", rebind_inside(40)[28:])
sqrt = math.sqrt


def floors(xs):
    t = 0
    for x in xs:
        t += floor(x)
    return t


for k in range(40):
    f = floors([1.5, 2.5, -0.5])
print("floor", f)


def shadow_floor():
    global floor
    floor = lambda x: 0.25


shadow_floor()
print("floor shadowed", floors([1.5, 2.5, -0.5]))
del floor
try:
    floors([1.0])
except NameError as e:
    print("deleted:", e)


def length_loop(words):
    n = 0
    for w in words:
        n += len(w)
    return n


for k in range(40):
    m = length_loop(["ab", "cde"])
print("len", m)
len = lambda w: 0.5
print("len shadowed by a global", length_loop(["ab", "cde"]))
del len
print("len again", length_loop(["ab", "cde"]))


# `math.sqrt(x)`: the module's builtin function read as a constant, its call typed Float.
def module_roots(n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(i) + math.floor(i / 3)
    return s


for k in range(40):
    mr = module_roots(10)
print("math.sqrt", round(mr, 6))
saved_sqrt = math.sqrt
math.sqrt = lambda x: 1
print("math.sqrt replaced on the module", module_roots(10))
math.sqrt = math.fabs
print("math.sqrt replaced by another builtin", module_roots(10))
math.sqrt = saved_sqrt


def replace_inside(n):
    out = []
    for i in range(n):
        out.append(math.sqrt(i * i))
        if i == 33:
            setattr(math, "sqrt", lambda v: str(v))
    return out


print("replaced by compiled code", replace_inside(36)[31:])
math.sqrt = saved_sqrt
print("restored", module_roots(5))
try:
    print(math.sqrt(-1.0))
except ValueError as e:
    print("domain:", e)
