# str methods given arguments of the wrong type (fuzz seed 74255: str.split given a list crashed every
# engine with an internal error): CPython's TypeErrors, with None named as argument clinic names it.
cases = [
    lambda: 'ab'.split(['x']), lambda: 'ab'.rsplit(1), lambda: 'ab'.split(sep=2.5),
    lambda: 'ab'.replace(1, 'x'), lambda: 'ab'.replace('a', None),
    lambda: 'ab'.partition(1), lambda: 'ab'.rpartition([]),
    lambda: 'ab'.startswith(('a', 1)), lambda: 'ab'.endswith((None,)),
    lambda: 'ab'.encode(1),
    lambda: 'ab'.split(None, 'x'),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except Exception as e:
        print(i, type(e).__name__, e)
print('a,b'.split(','), 'a b'.split(None), 'aXb'.replace('X', '-'), 'a=b'.partition('='), 'ab'.startswith(('x', 'a')))
z1 = 'straße'
z3 = 'straße'
try:
    for i in range(2):
        z1 = z3.split(z1)
except Exception as e:
    print(type(e).__name__, e)
print(z1)
for c in (lambda: 'ab'.partition(None), lambda: 'ab'.encode(None), lambda: 'ab'.replace(None, 'a'), lambda: 'ab'.find(None)):
    try:
        c()
    except TypeError as e:
        print(e)
