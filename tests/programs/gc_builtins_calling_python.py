# Builtins that run Python code (an iterator's __next__, __getitem__, a key function, __add__) while they hold
# values: what they hold must stay rooted when that code triggers a collection. churn() allocates enough to
# collect. Found by the fuzzer (dict(obj) with a __getitem__ returned freed memory); zip and dict.fromkeys too.
def churn():
    junk = [[i] for i in range(25000)]
class S:
    def __getitem__(self, k):
        if k == 6:
            raise IndexError(k)
        churn()
        return ('k' + str(k), [k, k + 1])
class It:
    def __init__(self):
        self.k = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.k += 1
        if self.k > 6:
            raise StopIteration
        churn()
        return ['v%d' % self.k, self.k]
def key(v):
    churn()
    return len(repr(v))
class A:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        churn()
        return A([self.v, o])
    def __radd__(self, o):
        churn()
        return A([o, self.v])
    def __repr__(self):
        return 'A(%r)' % (self.v,)
    def __lt__(self, o):
        churn()
        return repr(self.v) < repr(o.v)
    def __eq__(self, o):
        churn()
        return False
    __hash__ = None
tests = [
    ('dict', lambda: dict(S())),
    ('dict it', lambda: dict(It())),
    ('max key', lambda: max(It(), key=key)),
    ('min key', lambda: min(S(), key=key)),
    ('max', lambda: max(A([i]) for i in range(5))),
    ('sum', lambda: sum([A(1), A(2), A(3)], A(0))),
    ('sum start', lambda: sum((A(i) for i in range(4)), A('s'))),
    ('map', lambda: list(map(lambda v: [v, key(v)], It()))),
    ('filter', lambda: list(filter(key, S()))),
    ('zip', lambda: list(zip(It(), S()))),
    ('enumerate', lambda: list(enumerate(It()))),
    ('join', lambda: '-'.join(v[0] for v in It())),
    ('extend', lambda: [0].__class__([1]) + list(It())),
    ('sorted key', lambda: sorted(It(), key=key)),
    ('sorted lt', lambda: sorted(A([i, 'x']) for i in range(6))),
    ('tuple', lambda: tuple(It())),
    ('set', lambda: sorted(set(v[0] for v in It()))),
    ('dict comp', lambda: {k: [v] for k, v in It()}),
    ('list comp', lambda: [[v, key(v)] for v in S()]),
    ('reversed', lambda: list(reversed([A(i) for i in range(3)]))),
    ('index', lambda: [A(1), A(2)].count(A(1))),
    ('in', lambda: A(9) in [A(1), A(2), A(3)]),
    ('str format', lambda: '%s %s' % (A([1]), A([2]))),
    ('fstring', lambda: f'{A([1])} {A([2])}'),
    ('update', lambda: (lambda d: (d.update(S()), d)[1])({})),
    ('fromkeys', lambda: dict.fromkeys(It())),
    ('setdefault', lambda: (lambda d: [d.setdefault(v[0], v) for v in It()] and d)({})),
    ('unpack', lambda: (lambda a, b, *c: [a, b, c])(*It())),
    ('kwargs', lambda: (lambda **kw: kw)(**dict(S()))),
]
for name, f in tests:
    for r in range(2):
        try:
            print(name, f())
        except Exception as e:
            print(name, 'error', type(e).__name__, e)
