# isinstance(obj, C) whose type check fails looks up obj.__class__ (through a user
# __getattribute__, or a __class__ property) and checks the class it names, as CPython's
# object_isinstance. Found by the differential fuzzer (seeds 851, 994: a __getattribute__ that logs
# the names it is asked for saw no __class__).
class A:
    def __getattribute__(self, name):
        print('get', name)
        return super().__getattribute__(name)
class B:
    pass
a = A()
print(isinstance(a, B))
print(isinstance(a, A))
print(isinstance(a, (B, int)))
print(issubclass(A, B))
class P:
    @property
    def __class__(self):
        return int
p = P()
print(isinstance(p, int), isinstance(p, P), isinstance(p, str), type(p) is P)
class Q:
    def __getattribute__(self, name):
        if name == '__class__':
            raise AttributeError(name)
        return 1
print(isinstance(Q(), B))
