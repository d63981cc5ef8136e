# math.log/log2/log10 of ints as CPython: an int that converts to a float takes the log of that float; a larger
# one log(m) + log(2) * e from its frexp. Found by the fuzzer (log10(2**64) was one ulp off).
import math
vals = [1, 2, 3, 10, 100, 1000, 2**31, 2**53, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 2**64 + 1, 10**20, 10**22,
        2**1023, 2**1024, 2**1024 - 1, 2**2000, 3**900, 10**400, 2**1024 * 3 + 1, True, 7.5, 1e300]
for v in vals:
    print(math.log(v), math.log2(v), math.log10(v), math.log(v, 10), math.log(v, 2**70))
for v in [0, -1, -2**70, 0.0, False]:
    for f in (math.log, math.log2, math.log10):
        try:
            f(v)
        except ValueError as e:
            print(f.__name__, e)
