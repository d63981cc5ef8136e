import copy
from collections import defaultdict, namedtuple, OrderedDict, Counter
class L(list):
    pass
l = L([1, [2]]); l.tag = 't'
l2 = copy.deepcopy(l)
print(l2, type(l2).__name__, l2.tag, l2[1] is l[1])
l3 = copy.copy(l)
print(l3, type(l3).__name__, l3[1] is l[1])
d = defaultdict(list, a=[1])
d2 = copy.deepcopy(d)
print(d2, d2['a'] is d['a'], copy.copy(d))
P = namedtuple('P', 'x y')
print(copy.deepcopy(P(1, [2])), copy.copy(P(1, 2)))
print(copy.deepcopy(OrderedDict(a=1)), copy.deepcopy(Counter('aab')))
class S(set):
    pass
class I(int):
    pass
class T(str):
    pass
s = S([1, 2]); s.note = 'n'
s2 = copy.deepcopy(s)
print(sorted(s2), type(s2).__name__, s2.note, copy.copy(I(5)) + 1, type(copy.deepcopy(I(5))).__name__)
print(copy.deepcopy(T('ab')), type(copy.copy(T('ab'))).__name__, copy.deepcopy([l, d])[0] is not l)
