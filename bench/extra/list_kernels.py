# List kernels in another style than bench/programs: a sieve with slice assignment, a histogram
# of an LCG's values, a Fisher-Yates shuffle (item swaps) and an insertion sort over a list that
# mixes ints and floats part of the time, run at module level and in functions.
def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            flags[i * i::i] = [False] * ((n - i * i) // i + 1)
        i += 1
    return [k for k in range(n + 1) if flags[k]]

def histogram(values, buckets):
    counts = [0] * buckets
    for v in values:
        counts[v % buckets] += 1
    return counts

def shuffle(xs, seed):
    x = seed
    i = len(xs) - 1
    while i > 0:
        x = (x * 1103515245 + 12345) % 2147483648
        j = x % (i + 1)
        xs[i], xs[j] = xs[j], xs[i]
        i -= 1
    return xs

def insertion_sort(xs):
    for i in range(1, len(xs)):
        v = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > v:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = v
    return xs

primes = sieve(200000)
print(len(primes), primes[-3:])
counts = histogram(primes, 97)
print(max(counts), min(counts), sum(counts))
deck = shuffle(list(range(1500)), 7)
print(deck[:5])
ordered = insertion_sort(deck)
print(ordered == list(range(1500)))
mixed = shuffle([k if k % 3 else k + 0.5 for k in range(900)], 11)
mixed = insertion_sort(mixed)
print(mixed[:4], mixed[-2:])
total = 0
for p in primes[:5000]:
    total = (total + p * p) % 1000003
print(total)
