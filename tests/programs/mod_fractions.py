# fractions.Fraction: construction, arithmetic with ints and floats, comparisons, hashing.
from fractions import Fraction as F
import math
print(F(64, 130), F(3), F(-6, 4), F(1, -3), F('3/4'), F(' -1.5 '), F('2e-3'), F(0.5), F(1.1), F(F(1, 3)), repr(F(2, 4)), str(F(2, 1)))
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), 2), a ** 2, a ** -2, F(-2, 3) ** -3, a ** 0.5, 2 ** F(3), 2 ** F(1, 2))
print(1 - a, 1 + a, 2 * a, 1 / a, a + 0.5, 0.5 + a, a * 1.5, float(a), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1, 3), 2))
print(a == F(2, 6), a == 0.5, F(1, 2) == 0.5, F(2) == 2, a < b, a > 0, a < 0.34, F(1, 2) <= 0.5, min(F(3, 2), F(1)), sorted([F(1, 2), F(1, 3), 1]))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), hash(F(10**30, 7)))
print(F(3, 7).limit_denominator(2), F(math.pi).limit_denominator(1000), F(1, 3).as_integer_ratio(), (0.75).as_integer_ratio(), (5).as_integer_ratio(), bool(F(0)), F(7, 3).numerator, F(7, 3).denominator)
for bad in [lambda: F(1, 0), lambda: F('x'), lambda: F('1/0'), lambda: a / 0, lambda: F([1])]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
s = F(0)
for i in range(1, 30): s += F(1, i * (i + 1))
print(s, float(s))
