# Int kernels in a plain-script style: a multiplicative hash with masks, Collatz lengths with a
# chained range test, a linear congruential generator feeding a histogram, and a checksum that
# crosses 2**63 (big ints) halfway through. Ints only, no classes.
def fnv_hash(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) % 4294967296
    return h

def collatz_lengths(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        steps = 0
        x = n
        while x != 1:
            if x % 2 == 0:
                x = x // 2
            else:
                x = 3 * x + 1
            steps += 1
        if 0 < steps <= 10000 and steps > best:
            best = steps
            best_n = n
    return best_n, best

def lcg_histogram(count, buckets):
    hist = [0] * buckets
    x = 12345
    for i in range(count):
        x = (x * 1103515245 + 12345) % 2147483648
        k = (x >> 8) % buckets
        if 0 <= k < buckets:
            hist[k] += 1
    return hist

def checksum(n):
    total = 0
    step = 2**57
    for i in range(n):
        total = total + step + (i & 255) * 3 - (i ^ 7)
    return total

data = [(i * 7 + 3) % 256 for i in range(20000)]
print(fnv_hash(data))
print(collatz_lengths(3000))
hist = lcg_histogram(60000, 16)
print(min(hist), max(hist), sum(hist))
print(checksum(200))
