# Set methods keep CPython's table layout, so sets print in CPython's order even when hashes
# collide: difference/intersection/union/symmetric_difference with sets, dicts and other iterables.
class K:
    def __init__(self, a, big):
        self.a = a
        self.big = big
    def __hash__(self):
        return (2**61 - 1) if self.big else (2**31)
    def __eq__(self, other):
        return isinstance(other, K) and self.a == other.a
    def __repr__(self):
        return 'K(%r)' % (self.a,)

def shapes(n):
    return {K(n, True), n % 13, n, K(1e308, False), K('17', False)}

for n in (31, 63, 95, 7, 15):
    s = shapes(n)
    fs = frozenset(s)
    print(s)
    print(s.difference({0, 'K0'}), s - {0, 'K0'})
    print(s.difference([0, n]), s.difference((n,), {5}), s.difference())
    print(s.difference({0: 1}), fs.difference({0}))
    print(s.intersection(list(s)), s.intersection(reversed(list(s))), s & set(reversed(list(s))))
    print(s.intersection([n, K(n, True)], s), s.intersection())
    print(s.union([1, 2]), s.union({1, 2}, [3]), s | {1, 2})
    print(s.symmetric_difference([0, n, 1]), s.symmetric_difference({0, n, 1}), s ^ {0, n, 1})
    t = set(s)
    t.difference_update([n])
    u = set(s)
    u.intersection_update(reversed(list(s)))
    v = set(s)
    v.symmetric_difference_update([1, n, K(2, True)])
    w = set(s)
    w.update(reversed(list(s)), [K(3, True)])
    print(t, u, v, w)
    print(frozenset(s.difference({0})), set(s.difference({0})))

# symmetric_difference_update with a set walks that set's own table (no copy first).
z1 = 'abc'
for i in range(17):
    st = set(z1[:2])
    st.symmetric_difference_update({True, 'K0', i, (i % 13), 'abc'})
    print(st)
