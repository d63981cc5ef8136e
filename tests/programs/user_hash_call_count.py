# Copying keys from a set or dict into another (dict.fromkeys, dict(d), d.update(d2)) and set
# comparisons reuse the stored hashes: CPython calls no user __hash__ again. Found by the
# differential fuzzer (seed 1381: a __hash__ that reads an attribute through a logging
# __getattribute__ printed once more).
class K:
    def __init__(self, b): self.b = b
    def __hash__(self):
        print('hash')
        return 7
k = K(1)
print('display'); s = {k, True, 2.5}
print('fromkeys'); d = dict.fromkeys(s, 0)
print('keys ^'); x = d.keys() ^ {(1, 'a'), 1}
print('set |'); y = x | dict.fromkeys({100, 5}, 0).keys()
print('set()'); z = set(y)
print('keys |'); w = d.keys() | {1}
print('keys &'); w = d.keys() & {1}
print('keys -'); w = d.keys() - {1}
print('rkeys'); w = {1} - d.keys()
print('in'); print(k in d.keys(), k in s)
print('set(d)'); w = set(d)
print('set(keys)'); w = set(d.keys())
print('frozenset(s)'); w = frozenset(s)
print('s.update(d)'); s2 = set(); s2.update(d)
print('s.update(keys)'); s2 = {1}; s2.update(d.keys())
print('isdisjoint'); print(d.keys().isdisjoint({2}))
print('eq'); print(d.keys() == {k, True, 2.5})
print('dict(d)'); dd = dict(d)
print('dict.copy'); dd = d.copy()
print('d.update'); dd = {}; dd.update(d)
print('s.copy'); s3 = s.copy()
print('s - t'); s3 = s - {1}
print('s ^= t'); s3 = set(s); s3 ^= {1}
print('s.union'); s3 = s.union([1])
print('s <= t'); print(s <= {k, True, 2.5, 9})
