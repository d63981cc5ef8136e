# A set display of three or more constants is a frozenset constant in CPython 3.11, which the
# compiler's constant merging rebuilds once, and interning the code object's strings rebuilds again
# when one of its identifier-like strings was interned before (a name in the module, a string
# constant elsewhere, a builtin's name): each rebuild can change the iteration order of colliding
# entries. Found by the differential fuzzer (seeds 2, 128, 262, 286).
class K0:
    pass

a = 1
print({'a', 'K0', 'b'})
print({'a', 'K0', 'a'})
print({37, (2**64 + 3), 5, 'abc'} | frozenset({2.5}))
print({'K0', 'abc', 'a', 1, 2, 3})
print({(1, 'a'), 'K0', 'a'})
print({2.5, 'K0', 'a'})
print({'qq1zz', 'Kx9w', 'wv7ab', 'pp0rr'})
print({'len', 'print', 'sorted', 'zip', 'map'})
for x in {'a', 'K0', 'b'}:
    print(x)
print([x for x in {'K0', 'a'}])

def f():
    s = {'b', 'K0', 'a', 'xyz'}
    s.add('abc')
    return s

print(f())

# The class name 'K0' is the first constant with that value (the interned identifier itself), so
# interning replaces nothing and CPython builds the frozenset once more only.
print({'K0', 37, 'K0', 5})
print({'K0', 37, 'K0', 5} | dict.fromkeys({'a', 'abc', 'K0'}, 0).keys())
