# list.sort and sorted() make CPython's comparisons in CPython's order (its timsort with powersort
# merging, ported): the same calls of a user __lt__, the same result when comparisons are
# inconsistent (nan), and the same partly sorted list when a comparison raises. Found by the fuzzer
# ([1e308, 1e-05, True, None].sort() raised TypeError and left the list unsorted, CPython partly
# sorted).
state = [12345]
def rand(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n

log = []
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return 'C(%d)' % self.v

def digest(pairs):
    h = 0
    for a, b in pairs:
        h = (h * 1000003 + a * 1009 + b) % 1000000007
    return h

# The order of comparisons: random data, runs, descending runs, few distinct values; sizes around
# minrun (64) and large enough to gallop.
for size in [0, 1, 2, 3, 5, 8, 17, 63, 64, 65, 100, 200, 700]:
    for shape in range(4):
        if shape == 0:
            data = [rand(1000) for _ in range(size)]
        elif shape == 1:
            data = sorted(rand(1000) for _ in range(size // 2)) + [rand(1000) for _ in range(size - size // 2)]
        elif shape == 2:
            data = list(range(size, 0, -1)) + [rand(50) for _ in range(size // 3)]
        else:
            data = [rand(4) for _ in range(size)]
        log.clear()
        items = [C(v) for v in data]
        items.sort()
        ok = [c.v for c in items] == sorted(data)
        print(size, shape, len(log), digest(log), ok)
        log.clear()
        r = sorted([C(v) for v in data], reverse=True)
        print(' reverse', len(log), digest(log), [c.v for c in r][:5])

# Inconsistent comparisons: the result depends on the algorithm.
nan = float('nan')
for size in [5, 20, 70, 150]:
    data = [nan if rand(5) == 0 else rand(100) for _ in range(size)]
    print(sorted(data)[:12], sorted(data, reverse=True)[:6])

# A comparison that raises leaves the list partly sorted.
for size in [4, 10, 40, 64, 90, 300]:
    for bad in [None, 'x', (1,)]:
        data = [rand(500) for _ in range(size)]
        data[rand(size)] = bad
        try:
            data.sort()
            print('sorted?', size)
        except TypeError as e:
            print(size, type(bad).__name__, e, data[:8], data[-4:])
        data = [rand(500) for _ in range(size)]
        data[size // 2] = bad
        try:
            data.sort(reverse=True)
        except TypeError as e:
            print(' reverse', data[:6], data[-3:])
print([1e308, 1e-05, True, None].sort() if False else None)
x = [1e308, 1e-05, True, None]
try:
    x.sort()
except TypeError as e:
    print(e, x)

# With a key: the values move with the keys; a key function that raises leaves the list alone.
words = ['pear', 'Fig', 'apple', 'kiwi', 'Banana', 'date', 'cherry', 'elder', 'grape', 'Lime'] * 9
print(sorted(words, key=len)[:12])
print(sorted(words, key=str.lower, reverse=True)[:7])
def key(w):
    if w == 'date':
        raise ValueError('no dates')
    return len(w)
try:
    words.sort(key=key)
except ValueError as e:
    print(e, words[:5])
mixed = [3, 'a', 1, 2.5, 'b', None, 0] * 5
try:
    mixed.sort(key=lambda v: v)
except TypeError as e:
    print(e, mixed[:10])

# Changing the list during the sort.
victim = [5, 3, 1, 4]
def meddle(v):
    victim.append(v)
    return v
try:
    victim.sort(key=meddle)
except ValueError as e:
    print(e, victim)
