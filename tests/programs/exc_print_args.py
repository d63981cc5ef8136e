# printing exceptions: print(e), repr(e), e.args
cases = [ValueError(), ValueError("one"), ValueError("two", 2), KeyError("k"), KeyError(),
         KeyError("a", "b"), IndexError(3), TypeError(None), Exception([1, 2]), RuntimeError(""),
         ZeroDivisionError("division by zero"), StopIteration(5), AssertionError(), NameError("n")]
for e in cases:
    print(type(e).__name__, "|", e, "|", repr(e), "|", e.args, "|", str(e), "|", len(e.args))
class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a
class CustomStr(Exception):
    def __str__(self):
        return "custom str!"
c = Custom(1, "x")
print(c, repr(c), c.args, c.a)
cs = CustomStr("ignored")
print(cs, repr(cs), cs.args)
try:
    {}["missing"]
except KeyError as e:
    print(e, repr(e), e.args)
try:
    [1, 2][5]
except IndexError as e:
    print(e, repr(e), e.args)
try:
    int("abc")
except ValueError as e:
    print(e, repr(e))
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    undefined_thing
except NameError as e:
    print(e)
print(str(KeyError("quoted")), str(KeyError(1)), str(KeyError("")))
print([ValueError("in list")], (KeyError("t"),))
