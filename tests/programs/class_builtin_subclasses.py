class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
d['b'] = 2
print(d, d['a'], d['zz'], len(d), 'a' in d, list(d), d.get('q'), type(d).__name__, isinstance(d, dict))
print(sorted(d.items()), d == {'a': 1, 'b': 2}, {'a': 1, 'b': 2} == d)
class D2(dict):
    def __init__(self, x):
        super().__init__()
        self['x'] = x
print(D2(5), dict(D2(5)), {**D2(6)})
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def a(self): return self[0]
t = T(1, 2)
print(t, t.a, len(t), t[1], hash(t) == hash((1, 2)), t == (1, 2), type(t).__name__, t + (3,), isinstance(t, tuple))
a, b = t
print(a, b, {t: 1}[(1, 2)])
class S(str):
    def shout(self): return self.upper() + '!'
s = S('hi')
print(s, repr(s), s.shout(), len(s), s + 'x', 'x' + s, s == 'hi', hash(s) == hash('hi'), {'hi': 3}[s], s[0], f'{s:>5}|')
print(str(s), type(str(s)).__name__, '%s' % s, s * 2, s.split('i'), type(s.upper()).__name__)
class I(int):
    def double(self): return self * 2
i = I(21)
print(i, repr(i), i.double(), i + 1, 1 + i, -i, i * 2.0, type(i + 1).__name__, i == 21, i < 22, hash(i) == hash(21), [10, 20, 30][I(1)], f'{i:05d}', int(i), float(i), abs(I(-3)), ~i, bool(I(0)))
print(range(I(3)), list(range(I(3))), I('7'), I(), I(3.9), isinstance(i, int), divmod(i, 4), round(i))
class F(float):
    pass
f = F(2.5)
print(f, f + 1, 1 + f, f * 2, type(f * 2).__name__, f > 2, int(f), F('1.5'), -f, f'{f:.3f}')
class St(set): pass
st = St([3, 1, 2])
st.add(4)
print(sorted(st), len(st), 2 in st, st | {9} == {1, 2, 3, 4, 9}, type(st | {9}).__name__, isinstance(st, set))
class Fs(frozenset): pass
fs = Fs([1, 2])
print(sorted(fs), hash(fs) == hash(frozenset([1, 2])), fs == frozenset([1, 2]))
class P:
    count = 0
    def __new__(cls, *args):
        P.count += 1
        print('new', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x):
        print('init', x)
p = P(5)
print(P.count, type(p).__name__)
class Q:
    def __new__(cls):
        return 42
print(Q())
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
try: object.__new__(P, 1)
except TypeError as e: print(e)
class R:
    def __new__(cls, x):
        return object.__new__(cls)
print(type(R(1)).__name__)
try:
    class Bad:
        pass
    Bad(1)
except TypeError as e: print(e)
try: list.__len__(5)
except TypeError as e: print(e)
print(int.__add__(3, 4), list.__len__([1, 2]), str.__len__('abc'))
