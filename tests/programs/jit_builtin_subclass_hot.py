# Instances of builtin subclasses flow through hot loops beside plain builtins: every fast path
# that tests for a list, dict, int or str must send the subclass instance to its dunders.
class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10
    def __len__(self):
        return list.__len__(self) + 1

class Plain(list):
    pass

class D(dict):
    def __missing__(self, k):
        return -1

class I(int):
    def __add__(self, other):
        return I(int(self) + other + 1000)

class S(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__

def total(xs):
    t = 0
    for i in range(3):
        t += xs[i]
    return t + len(xs)

def iterate(xs):
    t = 0
    for x in xs:
        t += x
    return t

def lookup(d, k):
    return d[k]

def add(a, b):
    return a + b

def same(a, b):
    return a == b

def grow(xs, n):
    for i in range(n):
        xs.append(i)
    return len(xs)

results = []
for rep in range(300):
    results.append(total([1, 2, 3]))
    results.append(total(L([1, 2, 3])))
    results.append(total(Plain([1, 2, 3])))
    results.append(iterate(Plain([4, 5])))
    results.append(iterate([4, 5]))
    results.append(lookup({'a': 1}, 'a'))
    results.append(lookup(D(a=2), 'a'))
    results.append(lookup(D(a=2), 'zz'))
    results.append(add(1, 2))
    results.append(add(I(1), 2))
    results.append(add(2.5, 1))
    results.append(same('x', 'y'))
    results.append(same(S('x'), 'y'))
    results.append(grow([], 3))
    results.append(grow(Plain(), 4))
print(len(results))
print(results[:15])
print(results[-15:])
print(sum(r for r in results if not isinstance(r, bool)))
