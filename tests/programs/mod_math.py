# math module
import math
from math import sqrt, pi, floor, ceil
print(math.pi, math.e, math.inf, -math.inf, math.nan, pi == math.pi)
print(sqrt(16), sqrt(2), math.sqrt(0.25), math.sqrt(10 ** 20))
print(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi), math.tan(math.pi / 4))
print(math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(0.0, 1))
print(math.exp(0), math.exp(1), math.exp(-1), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log(1), math.log2(1024), math.log2(10), math.log10(1000), math.log10(2), math.log(10 ** 50))
print(floor(2.7), floor(-2.7), ceil(2.1), ceil(-2.1), floor(5), ceil(5), type(floor(2.5)), math.floor(-0.5))
print(math.fabs(-3), math.fabs(2.5), math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -1))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40), math.isqrt(2 ** 127))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50), math.gcd(17, 13))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.floor(1e20), math.ceil(-1e20), math.floor(10 ** 30), math.sqrt(2) ** 2)
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.isqrt(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.floor(math.inf)
except OverflowError as e:
    print("OverflowError:", e)
angles = [i * math.pi / 6 for i in range(7)]
print([round(math.sin(a), 6) for a in angles])
print(sum(math.sin(i) ** 2 + math.cos(i) ** 2 for i in range(100)))
print(math.sqrt(3) * math.sqrt(3) == 3, abs(math.sqrt(3) ** 2 - 3) < 1e-15)
