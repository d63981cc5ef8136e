# copy: copy and deepcopy with memo, recursion, __copy__/__deepcopy__, __reduce__/__setstate__.
import copy
from dataclasses import dataclass, field
@dataclass
class Node:
    val: int
    kids: list = field(default_factory=list)
n = Node(1, [Node(2)])
m = copy.deepcopy(n)
print(m, m == n, m.kids[0] is not n.kids[0])
lst = [1, [2, 3]]; lst.append(lst)
c = copy.deepcopy(lst); print(c[2] is c, c[1] is not lst[1])
d = {'a': (1, [2])}; e = copy.copy(d); print(e['a'] is d['a'], copy.deepcopy(d)['a'][1] is d['a'][1])
class R:
    def __init__(self): self.a = 1; self.b = [1]
    def __reduce__(self): return (R, (), {'a': 5})
    def __setstate__(self, st): self.a = st['a']
r = copy.deepcopy(R()); print(r.a, r.b)
class Cp:
    def __init__(self, v): self.v = v
    def __copy__(self): return Cp(self.v + 100)
print(copy.copy(Cp(1)).v, copy.deepcopy(Cp(1)).v, copy.copy(Node(1)))
from collections import deque
dq = deque([[1], [2]], maxlen=5); dq2 = copy.deepcopy(dq); print(dq2, dq2[0] is not dq[0], copy.copy(dq))
t = (1, 2); print(copy.deepcopy(t) is t, copy.deepcopy({1, 2}), copy.deepcopy(frozenset([1])))

class Slots:
    def __init__(self):
        self.shared = [1]
        self.other = self.shared
s2 = copy.deepcopy(Slots())
print(s2.shared is s2.other, s2.shared)
class Custom:
    def __init__(self, v):
        self.v = v
    def __deepcopy__(self, memo):
        return Custom(self.v * 2)
print(copy.deepcopy([Custom(1), Custom(2)])[1].v, copy.copy([1, [2]])[1] is not None)
class WithState:
    def __init__(self):
        self.a = 1
    def __getstate__(self):
        return {"a": self.a + 1}
print(copy.deepcopy(WithState()).a, copy.copy(WithState()).a)
try:
    copy.deepcopy((x for x in []))
except TypeError as e:
    print(e)
print(copy.deepcopy(ValueError("bad", 1)).args, copy.Error.__name__)
