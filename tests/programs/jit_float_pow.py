# Float powers in compiled loops: C's pow for a positive finite base, the interpreter's path for
# everything else (negative and zero bases, infinities, NaN, overflow), with CPython's results.
import math

def powers(bases, exps):
    out = []
    for b in bases:
        for e in exps:
            if b < 0 and e == e and e != int(e) if e not in (float("inf"), float("-inf")) else False:
                continue  # a complex result: outside the subset
            try:
                r = b ** e
                out.append(repr(r))
            except (OverflowError, ZeroDivisionError, ValueError) as ex:
                out.append(type(ex).__name__ + ": " + str(ex))
    return out

def norms(n):
    total = 0.0
    for i in range(1, n):
        d2 = i * 0.37 + 1.5
        total += d2 ** 0.5 + d2 ** -1.5 + (i % 7) ** 0.5 + 2.0 ** (i % 30)
    return total

bases = [2.0, 0.5, 1.0, 10.0, 1e300, 1e-300, 0.0, -0.0, -2.0, -0.5, float("inf"), float("-inf"), float("nan"), 3, -3]
exps = [0.0, 0.5, -0.5, 2.0, 3.0, -1.0, 1e10, -1e10, 0.3333333333333333, float("inf"), float("nan"), 2, -2]
for line in powers(bases, exps):
    print(line)
print(norms(20000))
print(math.sqrt(2.0) == 2.0 ** 0.5)
