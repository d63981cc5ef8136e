# A list, tuple or str combined with an instance whose class does not handle the operator: CPython's
# sequence concat/repeat messages, as for any other type. Found by the fuzzer (list + instance said
# "unsupported operand type(s)").
class K:
    pass
class R:
    def __radd__(self, other):
        return NotImplemented
    def __rmul__(self, other):
        return NotImplemented
class A:
    def __radd__(self, other):
        return 'radd'
    def __rmul__(self, other):
        return 'rmul'
for a in [[1], (1,), 'a']:
    for b in [K(), R(), A(), 5, None, 2.5]:
        for op in ['+', '*', '+=']:
            try:
                if op == '+':
                    r = a + b
                elif op == '*':
                    r = a * b
                else:
                    r = a
                    r += b
                print(type(a).__name__, op, type(b).__name__, r)
            except TypeError as e:
                print(type(a).__name__, op, type(b).__name__, e)
for b in [K(), R()]:
    try:
        b * [1]
    except TypeError as e:
        print(e)
