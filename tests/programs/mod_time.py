# time module: perf_counter and time return increasing floats (never printed)
import time
from time import perf_counter
t0 = time.perf_counter()
w0 = time.time()
total = 0
for i in range(20000):
    total += i * i
t1 = perf_counter()
w1 = time.time()
print(total)
print(type(t0) is float, type(w0) is float)
print(t1 >= t0, w1 >= w0, t1 - t0 >= 0.0)
print(w0 > 1600000000.0)
samples = [time.perf_counter() for _ in range(100)]
print(all(samples[i] <= samples[i + 1] for i in range(99)))
