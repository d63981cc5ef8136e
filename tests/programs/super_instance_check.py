# super() whose object is not an instance (or subclass) of the class raises TypeError, as CPython's
# supercheck: here a method using zero-argument super() is copied onto an unrelated class. Found by
# the differential fuzzer (seed 3049: Lbbv recursed until RecursionError).
class A:
    def __eq__(self, other):
        return super().__eq__(other)
    def hello(self):
        return 'A.hello ' + super().__repr__()[:9]

class B:
    pass

B.__eq__ = A.__eq__
B.hello = A.hello
print(A() == A(), A().hello())
for f in [lambda: B() == B(), lambda: B().hello(), lambda: super(A, B()), lambda: super(A, B),
          lambda: super(A, 5)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
print(super(A, A()).__eq__(1), super(B, B).__name__ if False else 'ok')
