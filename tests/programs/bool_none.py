# bool and None behaviour and truthiness
print(True, False, None, type(True), type(None))
print(True == 1, False == 0, True is True, None is None, True + 2, -True)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(""), bool("a"), bool([]), bool([0]))
print(bool({}), bool({0: 0}), bool(()), bool((None,)), bool(None), bool(set()), bool(range(0)), bool(range(1)))
print(not None, not 0, not "x", not [], not not 5)
print(str(True), repr(False), str(None), repr(None))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d", "" and 5, [] or {} or 0)
print(True and None, False or None, None and True)
def f():
    pass
print(f(), f() is None)
x = None
if x is None:
    print("x is None")
if not x:
    print("not x")
y = [None, True, False, 0, 1]
print(y.count(None), y.count(False), y.count(True), y.index(False))
print(True > False, max(True, False), sum([True, True, False, True]))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int))
d = {True: "a", 1: "b", 0: "c", False: "d"}
print(d)
print(hash(True), hash(False), hash(None) == hash(None))
print(True * 1.5, False ** 0, divmod(True, True))
print(None == 0, None == False, None != None)
