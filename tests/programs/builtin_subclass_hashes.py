# Builtin subclasses as dict keys: namedtuples (nested), a str subclass, a tuple subclass with its own
# __hash__, an int subclass (hash(-1) is -2), __hash__ = None: hash() of an instance keeping its base's
# __hash__ hashes the value it extends; one that overrides it calls its own.
import collections
Stats = collections.namedtuple("Stats", ["atk", "df", "speed"])
State = collections.namedtuple("State", ["hp", "stats", "tag"])

class Name(str):
    pass

class HashedTuple(tuple):
    def __hash__(self):
        return 7

def step(dist):
    out = collections.defaultdict(int)
    for st, p in dist.items():
        for d in (1, 2, 3):
            hp = max(0, st.hp - d)
            out[st._replace(hp=hp)] += p
    return out

dist = {State(60, Stats(5, 6, 7), "a"): 1, State(55, Stats(1, 2, 3), "b"): 2}
for _ in range(25):
    dist = step(dist)
print(len(dist), sum(dist.values()) % 1000003, sorted(dist.items())[:2])
names = {Name("x%d" % i): i for i in range(50)}
print(names[Name("x7")], names["x8"], hash(Name("x9")) == hash("x9"))
ht = {HashedTuple((i, i)): i for i in range(20)}
print(len(ht), ht[HashedTuple((3, 3))], hash(HashedTuple((1,))))
print(hash(Stats(1, 2, 3)) == hash((1, 2, 3)), hash(State(1, Stats(1, 2, 3), "z")) == hash((1, (1, 2, 3), "z")))
class I(int): pass
print(hash(I(-1)), hash(I(2**70)) == hash(2**70), {I(5): 1}[5])
class Bad(tuple):
    __hash__ = None
try:
    hash(Bad((1,)))
except TypeError as e:
    print("TypeError", e)
class Later(tuple):
    pass
k = Later((1, 2))
before = hash(k)
Later.__hash__ = lambda self: 99
print(before == hash((1, 2)), hash(k), {k: 1}.get(Later((3, 4)), "missing"))
