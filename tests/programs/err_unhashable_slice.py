# In 3.11 a slice is unhashable: as a dict key it is a TypeError, not a KeyError. Found by the
# fuzzer ({}[1:2] raised KeyError).
d = {1: 'a', 2: 'b'}
attempts = [
    lambda: d[1:2],
    lambda: d.get(slice(1, 2)),
    lambda: slice(0, 1) in d,
    lambda: {slice(1, 2): 1},
    lambda: hash(slice(1, 2, 3)),
    lambda: {slice(1)},
    lambda: d.pop(slice(1, 2), None),
]
for attempt in attempts:
    try:
        print(attempt())
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
try:
    del d[::2]
except (TypeError, KeyError) as e:
    print(type(e).__name__, e)
try:
    d[:] = 3
except (TypeError, KeyError) as e:
    print(type(e).__name__, e)
print(d, [1, 2, 3][1:2], (1, 2, 3)[::2], 'abc'[1:])
