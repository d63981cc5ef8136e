# Functions, classes and modules bound to globals are read as constants by JIT code (watched
# cells): rebinding or deleting them, from the interpreter, from JIT code, from inside the callee
# or through setattr on a module, must be seen by code compiled before.
import math
import _builtin_user

def double(x):
    return 2 * x

def triple(x):
    return 3 * x

def apply_all(n):
    total = 0
    for i in range(n):
        total += double(i)
    return total

for i in range(40):
    r = apply_all(10)
print("double", r)
double = triple
print("rebound at module level", apply_all(10))

def rebind_from_jit(k):
    global double
    for i in range(k):
        if i == k - 1:
            double = lambda x: -x
    return 0

for i in range(40):
    rebind_from_jit(1)
    double = triple
rebind_from_jit(3)
print("rebound by compiled code", apply_all(10))

def self_replacing(x):
    global self_replacing
    if x == 37:
        self_replacing = lambda y: 1000
    return x

def calls_self_replacing(n):
    out = 0
    for i in range(n):
        out += self_replacing(i)
    return out

print("rebound inside the callee", calls_self_replacing(40), calls_self_replacing(3))

class Point:
    def __init__(self, x):
        self.x = x

class Other:
    def __init__(self, x):
        self.x = x * 10

def make(n):
    s = 0
    for i in range(n):
        s += Point(i).x
    return s

for i in range(40):
    m = make(5)
print("class", m)
Point = Other
print("class rebound", make(5))

def use_math(n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(i)
    return s

for i in range(40):
    u = use_math(4)
print("module", u)

class FakeMath:
    @staticmethod
    def sqrt(x):
        return 1.0

math = FakeMath()
print("module rebound", use_math(4))

for i in range(40):
    h = _builtin_user.call_helper(5)
print("other module", h)
_builtin_user.helper = lambda x: 0
print("setattr on the module", _builtin_user.call_helper(5))

del triple
def uses_deleted(n):
    return triple(n)
try:
    print(uses_deleted(2))
except NameError as e:
    print("NameError:", e)

def victim(x):
    return x

def caller(n):
    t = 0
    for i in range(n):
        t += victim(i)
    return t

for i in range(40):
    caller(3)
del victim
try:
    caller(3)
except NameError as e:
    print("NameError:", e)
