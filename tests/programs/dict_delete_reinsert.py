# Insert and delete the same few keys many times (found by the fuzzer: deleted-entry markers filled
# the whole hash index without a resize, and a lookup of a missing key then probed forever).
d = {'0': 'a'}
for i in range(60):
    d[i % 8] = '0'
    d.pop(i % 8, None)
print(d, 3 in d, d.get(5))

# Deleting the newest entry, then inserting another: the entry slot is reused, the marker stays.
d = {}
for i in range(1000):
    d[i] = i
    del d[i]
    if i % 97 == 0:
        print(i, len(d), i in d, (i + 1) in d)
print(d)

# A mix of kept and deleted keys of every hashable kind, then lookups of absent keys.
d = {}
keys = [0, 1, 'a', 'b', 2.5, None, (1, 2), 2**63, -1, True]
for r in range(50):
    for k in keys:
        d[k] = r
    for k in keys[r % 3::3]:
        d.pop(k, None)
print(sorted(d.items(), key=repr))
print([k in d for k in keys], 'missing' in d, d.get(12345, 'none'))

# popitem and setdefault cycles.
d = {'x': 1}
for i in range(200):
    d.setdefault(i, i * i)
    d.popitem()
print(d)
for i in range(30):
    d[i] = i
while len(d) > 3:
    d.popitem()
print(d, 29 in d, 'x' in d)
