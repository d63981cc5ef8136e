# dict key and item views are set-like: | & - ^ in both operand orders, comparisons, isdisjoint.
d = {1: 'a', 2: 'b', 3: 'c', 40: 'd', 8: 'e'}
e = {3: 'c', 4: 'x', 8: 'z', 16: 'y'}
k, ke = d.keys(), e.keys()
print({1: 0}.keys() | {2})
print(k | ke, ke | k, k & ke, ke & k, k - ke, ke - k, k ^ ke, ke ^ k)
print(k | {99, 1}, {99, 1} | k, k & {3, 8, 100}, {3, 8, 100} & k, k - {1}, {1, 77} - k, k ^ {1, 77}, {1, 77} ^ k)
print(k | [5, 6], [5, 6] | k, k & (1, 2, 9), (1, 2, 9) & k, k - range(3), range(3) - k, k ^ [1, 500], [1, 500] ^ k)
print(k | frozenset([7]), frozenset([7]) | k, type(k | {1}).__name__, type(frozenset([7]) | k).__name__)
print(k | e, k ^ e, k - e, k & e)   # a dict operand is iterated as its keys
i, ie = d.items(), e.items()
print(i & ie, i | {(9, 9)}, i - ie, ie - i, i ^ ie, ie ^ i, {(1, 'a'), (0, 0)} & i, [(2, 'b')] | i)
print((1, 'a') in i, (1, 'b') in i, (1,) in i, 1 in i, [1, 'a'] in i, (3, 'c') in ie)
print(k == {1, 2, 3, 40, 8}, {1, 2, 3, 40, 8} == k, k == set(), k != {1}, k == [1, 2, 3, 40, 8])
print(k < {1, 2, 3, 40, 8, 9}, k <= set(d), k > {1}, k >= {1, 2, 3, 40, 8}, {1} < k, {1, 2} >= k)
print(k == ke, k == d.keys(), i == d.items(), i == {(1, 'a'), (2, 'b'), (3, 'c'), (40, 'd'), (8, 'e')})
print(ke < k, {3: 0, 8: 0}.keys() < k, i > {(1, 'a')}, d.values() == d.values())
print(k.isdisjoint({100}), k.isdisjoint([3]), k.isdisjoint(ke), i.isdisjoint(ie), i.isdisjoint([(1, 'a')]))
print({}.keys().isdisjoint({}.keys()), k.isdisjoint(k), k.isdisjoint(range(50, 60)))
try:
    k < [1]
except TypeError as ex:
    print("TypeError:", ex)
try:
    k | 5
except TypeError as ex:
    print("TypeError:", ex)
try:
    d.values() | {1}
except TypeError as ex:
    print("TypeError:", ex)
try:
    k | [[1]]
except TypeError as ex:
    print("TypeError:", ex)
s = {100}
s |= k          # set |= view: a new set (the in-place form needs a set)
print(s)
s2 = {1, 2, 3}
s2 -= {2}
s2 &= {1, 3, 5}
s2 ^= frozenset({9})
print(s2)
kk = d.keys()
kk |= {0}
print(kk, type(kk).__name__)
# set(dict) and set.update(dict) presize as CPython does; set(keys view) iterates
dd = {k2: 0 for k2 in [40, 8, 16, 24, 32, 0]}
print(set(dd), set(dd.keys()), set([40, 8, 16, 24, 32, 0]), frozenset(dd))
s3 = {1, 2}; s3.update(dd); print(s3, {*dd}, {7, *dd})
print({k2: 0 for k2 in range(100, 0, -7)}.keys() | set())
big = {x: x for x in range(0, 300, 3)}
print(sorted(big.keys() & range(0, 300, 5))[:8], len(big.keys() - range(150)), len(big.items() ^ {(0, 0), (1, 1)}))
# views stay live
v = d.keys(); d[77] = 'n'; print(v, 77 in v, v & {77})
# hot loop over set operations of views
acc = 0
for n in range(200):
    m = {n: 1, n + 1: 2, n + 2: 3}
    acc += len(m.keys() & {n + 1, n + 2, n + 3}) + len(m.items() - {(n, 1)})
print(acc)
