# isinstance, issubclass, type, callable, id comparisons
class Foo:
    pass
class Bar(Foo):
    pass
values = [1, 1.5, True, None, "s", [1], (1,), {1: 2}, {1}, frozenset(), range(1), Foo(), Bar(), Foo]
for v in values:
    print(type(v), callable(v))
print(callable(len), callable(lambda: 0), callable(print), callable("s"))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("a", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set))
print(isinstance(Bar(), Foo), isinstance(Foo(), Bar), isinstance(None, object), isinstance(Foo, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(Bar, Foo), issubclass(Bar, (int, Foo)), issubclass(Foo, object))
print(type(1) == int, type(True) == int, type(True) is bool, type("") is str, type(Foo()) is Foo)
print(type(type(1)), type(int), type(Foo))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None))
x = Foo()
ids = [id(x), id(x)]
print(ids[0] == ids[1])
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
print(int is type(5), str(type(0.5)), repr(type("x")))
