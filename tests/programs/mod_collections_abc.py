# abc and collections.abc: abstract methods, register, subclass hooks, mixins, generic aliases.
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    @abc.abstractmethod
    def g(self): pass
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): pass
try: B()
except TypeError as e: print(e)
print(sorted(A.__abstractmethods__), type(A), repr(abc.ABC), abc.ABCMeta.__module__)
from collections.abc import *
import collections.abc as cabc
print(repr(Iterator[int]), repr(cabc.Callable[[int], str]), repr(Mapping[str, int]))
print(isinstance(iter([]), Iterator), isinstance([], Sequence), isinstance({}, Mapping), isinstance((x for x in ()), Generator), isinstance(len, Callable), isinstance(1, Hashable), isinstance([], Hashable), isinstance(set(), MutableSet), isinstance({}.keys(), Set), issubclass(str, Sequence), isinstance(range(3), Sequence), isinstance(3, Iterable))
class MyMap(Mapping):
    def __init__(self): self.d = {'a': 1}
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap(); print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), m == {'a': 1}, dict(m))
try: Mapping()
except TypeError as e: print(e)
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterator), isinstance(It(), Iterable), issubclass(It, Sized))
print(isinstance([], Iterable), isinstance([], Collection), isinstance("", Container), isinstance(iter(""), Iterable), isinstance(lambda: 0, Callable), isinstance(int, Callable), isinstance(MyMap(), Collection), isinstance(MyMap(), Sized))
class R(abc.ABC): pass
R.register(int); print(isinstance(3, R), issubclass(bool, R), isinstance("x", R))
class Seq(Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
s = Seq(4)
print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)), isinstance(s, Reversible), isinstance(s, Collection))
class MM(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = MM(); mm.update(a=1, b=2); mm.setdefault("c", 3); print(mm.pop("a"), sorted(mm.items()), mm.popitem(), len(mm))
class S(Set):
    def __init__(self, it): self.items = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
print(sorted(S([1, 2]) | S([2, 3])), sorted(S([1, 2]) & S([2, 3])), S([1]) <= S([1, 2]), S([1, 2]) == S([2, 1]))
print(issubclass(list, MutableSequence), issubclass(tuple, MutableSequence), issubclass(dict, MutableMapping), isinstance(frozenset(), MutableSet))
