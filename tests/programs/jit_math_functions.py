# math.sin(x) and friends called from machine code (libm directly): results must be bit for bit
# CPython's, and domain and range errors must raise as in the math module.
import math
from math import sin, cos, sqrt, exp

def table(xs):
    out = []
    for x in xs:
        out.append((math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(min(x, 50.0) / 10), math.tanh(x),
                    math.fabs(x), sqrt(abs(x)), exp(min(x, 500.0) / 100)))
    return out

xs = [0.0, -0.0, 0.5, -1.25, 3.141592653589793, 1e-300, 1e10, -7.0, 123.456, 2.0 ** 0.5, 1e22, 5e-324]
for _ in range(40):
    t = table(xs)
for row in t:
    print(row)

def ints(n):
    s = 0.0
    for i in range(-n, n):
        s += sin(i) + cos(i) * 3 + sqrt(i * i)
    return s

print(ints(200))
print(repr(ints(5)))

def inverse(xs):
    r = []
    for x in xs:
        r.append((math.asin(x), math.acos(x), math.cosh(x)))
    return r

for _ in range(40):
    inv = inverse([0.0, 0.5, -0.5, 1.0, -1.0, 0.999999])
print(inv)

def errors(xs, f):
    out = []
    for x in xs:
        try:
            out.append(f(x))
        except ValueError as e:
            out.append("ValueError: " + str(e))
        except OverflowError as e:
            out.append("OverflowError: " + str(e))
    return out

vals = [1.0, 4.0, -1.0, float("inf"), float("-inf"), float("nan"), 0.0, 710.0, -800.0, 2]
for _ in range(40):
    e1 = errors(vals, math.sqrt)
    e2 = errors(vals, math.exp)
    e3 = errors(vals, math.sin)
    e4 = errors(vals, math.asin)
print(e1)
print(e2)
print(e3)
print(e4)
print(errors([True, False, 3], math.cos))
