# collections: deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap.
from collections import *
import collections
d = defaultdict(list, a=1); print(repr(d), repr(defaultdict()), d.default_factory)
print(repr(Counter('abracadabra')), Counter('abc').most_common(2), repr(Counter()))
c = Counter(a=3, b=1); c.subtract(a=5); print(c, +c, -c, c.total())
print(Counter(a=1)+Counter(a=2,b=1), Counter(a=3)-Counter(a=1), Counter(a=1)|Counter(a=2), Counter(a=1,b=2)&Counter(a=3))
print(sorted(Counter('aab').elements()), Counter(a=1)==Counter(a=1,b=0))
o = OrderedDict(a=1, b=2); o.move_to_end('a'); print(o, o.popitem(last=False), o.keys(), o.values(), o.items(), repr(OrderedDict()))
P = namedtuple('P', 'x y', defaults=[5]); p = P(1); print(p, P._fields, P._field_defaults, p._asdict(), p._replace(x=3), P._make([7,8]), P.__doc__)
try: P()
except TypeError as e: print(e)
try: P(1,2,3)
except TypeError as e: print(e)
try: p.x = 3
except AttributeError as e: print(e)
try: p.z = 3
except AttributeError as e: print(e)
print(P.x, repr(P), P.__module__, p == (1, 5), hash(p) == hash((1,5)), p[0], p[-1], p[:1], len(p), list(p), p + (1,), p.count(1), p.index(5))
try: namedtuple('Q', 'a a')
except ValueError as e: print(e)
try: namedtuple('Q', 'class')
except ValueError as e: print(e)
print(namedtuple('R', 'a class a', rename=True)._fields)
try: d2 = defaultdict(); d2['x']
except KeyError as e: print(repr(e))
print(dict(d), {**d}, d == {'a': 1}, {'a': 1} == d)
dq = deque([1, 2, 3], maxlen=4); dq.appendleft(0); dq.append(4); print(dq, dq.maxlen, dq.popleft(), dq.pop(), len(dq), dq[1], list(reversed(dq)))
dq.rotate(1); print(dq, deque('abc') == deque('abc'), deque([1]) < deque([2]), 2 in dq, repr(deque()))
try: deque().pop()
except IndexError as e: print(e)
x, y = P(3, 4); print(x, y, sorted([P(2, 1), P(1, 2)]))
d3 = defaultdict(lambda: "x")
print(d3["k"], dict(d3), len(d3), "k" in d3, d3.get("z"), list(d3.keys()), list(d3.items()))
cnt = Counter()
for word in "the quick the lazy the end".split():
    cnt[word] += 1
print(cnt.most_common(1), cnt["missing"], sorted(cnt), cnt)
del cnt["missing"]
cnt.update({"the": 10}, end=5)
print(cnt["the"], cnt["end"], Counter("aabbbc").most_common())
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b", last=False)
print(list(od), od == OrderedDict(b=1, a=2), od == OrderedDict(a=2, b=1), od == {"a": 2, "b": 1})
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.new_child({"c": 4})["c"], cm.parents["a"])
Pt = namedtuple("Pt", ["x", "y"])
pts = {Pt(1, 2): "a", Pt(1, 2): "b"}
print(pts, Pt(1, 2) == (1, 2), (1, 2) == Pt(1, 2), Pt(1, 2) < Pt(1, 3), Pt(2, 0) > (1, 9), max(Pt(1, 2), Pt(0, 5)))
print("%d-%d" % tuple(Pt(3, 4)), Pt(*range(2)), Pt._make(iter("ab")))
dq = deque(range(5))
dq.extend([5, 6])
dq.extendleft([-1, -2])
print(dq, dq.index(3), dq.count(1), dq[-1], deque(maxlen=0), list(deque("abc", maxlen=2)))
dq.remove(3)
dq.insert(2, "i")
del dq[0]
dq[0] = "first"
print(dq, len(dq), dq + deque([9]), dq * 0, 4 in dq)
it = iter(dq)
next(it)
dq.append(1)
try:
    next(it)
except RuntimeError as e:
    print(e)
