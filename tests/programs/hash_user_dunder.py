# A user __hash__ result is used as it is when it fits 64 bits (only -1 becomes -2); a bigger int
# is reduced as hash() reduces ints. Set and dict iteration follow from it.
class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): return self is o
    def __repr__(self): return "H(%d)" % self.h

values = [2**62, 3, 2**61 + 5, -1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 + 7, 2**61 - 1,
          2**61, -(2**61), 10**30, -10**30, True, 0, -2, 12345678901234567]
for v in values:
    print(v, hash(H(v)))
print([x.h for x in {H(2**62), H(3), H(2**61 + 5), H(-1)}])
s = set()
for v in values:
    s.add(H(v))
print([x.h for x in s])
d = {H(v): i for i, v in enumerate(values)}
print(list(d.values()))
print(hash((H(2**62), H(5))), hash((2**62, 5)) == hash((H(2**62), H(5))))
print(hash(frozenset([H(2**40), H(2**62)])) == hash(frozenset([2**40, 2**62])))
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()), hash(2**100))
class Bad:
    def __hash__(self): return 1.5
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
# a hot loop building sets keyed by custom hashes
acc = set()
for i in range(300):
    acc.add(H((i * 2**55) % 2**63))
print([x.h % 1000 for x in list(acc)[:12]], len(acc))
