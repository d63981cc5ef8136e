# Slice objects (bounds held inline, no companion): bounds of every type kept alive across collections,
# attributes, repr, indices(), as keys to a user __getitem__, __index__ bounds, unhashable.
class Grid:
    def __getitem__(self, key):
        return (key.start, key.stop, key.step, repr(key))

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

g = Grid()
print(g[1:2], g[::3], g["a":None:[1]], g[1.5:2**70])
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s.indices(5), slice(3).indices(10), repr(slice(None)))
kept = [slice(i, i * 2, [i]) for i in range(2000)]
for rnd in range(30):
    junk = [[j, str(j)] * 3 for j in range(20000)]
print(sum(len(k.step) for k in kept), kept[1999], kept[5].step is kept[5].step)
data = list(range(30))
print(data[Idx(2):Idx(20):Idx(3)], data[slice(-5, None)], "abcdef"[slice(1, None, 2)])
print(bytes(range(10))[2:8:2], (1, 2, 3, 4)[::-1])
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
