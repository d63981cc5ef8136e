# defaultdict, Counter and OrderedDict are dicts, namedtuple classes are tuples (as in CPython).
from collections import defaultdict, Counter, OrderedDict, namedtuple

d = defaultdict(list)
d['a'].append(1)
d['b'] += [2]
print(d, type(d).__name__, isinstance(d, dict), issubclass(defaultdict, dict), len(d), dict(d))
print(sorted(d), d.get('zz'), 'zz' in d, d == {'a': [1], 'b': [2]}, {**d})
print(defaultdict.__mro__)

class MyDefault(defaultdict):
    pass
m = MyDefault(int)
m['x'] += 5
print(m, isinstance(m, defaultdict), m.copy(), type(m.copy()).__name__)

c = Counter('abracadabra')
print(c, isinstance(c, dict), c['a'], c['zz'], c.most_common(2), sorted(c.elements())[:4])
c2 = Counter(a=1, b=-2)
print(c + c2, c - c2, +c2, -c2, c2.total(), dict(c2), Counter(), repr(Counter(x=1)))
c.update({'a': 10})
c.subtract('aaa')
del c['zz']
print(c['a'], list(c.keys())[:3], Counter('ab') == Counter('ba'))

o = OrderedDict()
o['x'] = 1
o['y'] = 2
o['z'] = 3
o.move_to_end('x')
print(o, list(o), o.popitem(), o.popitem(last=False), o, isinstance(o, dict))
o2 = OrderedDict([('p', 1), ('q', 2)])
print(o2.keys(), o2.values(), o2.items(), o2 == OrderedDict([('q', 2), ('p', 1)]), o2 == {'q': 2, 'p': 1})
o2.move_to_end('q', last=False)
print(o2, o2 | {'r': 3}, type(o2 | {'r': 3}).__name__, OrderedDict.fromkeys('ab', 0))

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p), isinstance(p, tuple), type(p).__name__)
print(p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)), p + (3,), p * 2, p[:1], 2 in p)
x, y = p
print(x, y, '%s and %s' % p, sorted([Point(2, 1), Point(1, 5)]), max(p), p.count(1), p.index(2))
print(p._asdict(), p._replace(x=9), Point._make([4, 5]), Point._fields, p.__getnewargs__())
try:
    p.x = 5
except AttributeError as e:
    print(e)
try:
    p.z = 5
except AttributeError as e:
    print(e)
try:
    Point(1)
except TypeError as e:
    print(e)

class Vec(namedtuple('Vec', ['a', 'b'], defaults=[0])):
    def norm1(self):
        return abs(self.a) + abs(self.b)
v = Vec(3)
print(v, v.norm1(), Vec(-1, -2).norm1(), isinstance(v, tuple), Vec.__mro__[1].__name__)
Single = namedtuple('Single', 'only')
print(Single(7), Single(7)[0], {Point(0, 0): 'origin'}[(0, 0)])
