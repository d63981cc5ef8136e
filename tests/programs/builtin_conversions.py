# int (with base), float, str, repr, bool, list, tuple, dict, set, frozenset
print(int(), int(7.9), int(-0.5), int("12"), int(" -3 "), int("101", 2), int("ZZ", 36), int("0o17", 0), int("0x1f", 0), int("017", 8))
print(int(True), int(1e18), int(-1e19), int("9" * 25))
for bad in ["", "1.5", "abc", "0x10", "1 2", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(float(), float(3), float("2.5"), float(" -1e3 "), float("inf"), float("-infinity"), float("nan"), float(True))
for bad in ["", "1.2.3", "abc", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(str(), str(1), str(1.0), str([1, "1"]), str((1,)), str({"k": "v"}), str(None), str(str))
print(repr(1), repr("1"), repr([1, "1"]), repr("it's"), repr(1.0), repr(None), repr(str))
print(bool(), bool(0), bool(2), bool(""), bool(" "), bool([]), bool([[]]))
print(list(), list("ab"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list({3}))
print(tuple(), tuple([1, 2]), tuple("xy"), tuple(range(2)))
print(dict(), dict(a=1), dict([(1, 2), (3, 4)]), dict({"x": 1}, y=2), dict(zip("ab", range(2))))
print(set(), set([1, 1, 2]), set("aab") == {"a", "b"}, frozenset([3, 3]), set(range(4)))
print(type(int("5")), type(float(5)), type(str(5)), type(list()), type(dict()), type(set()), type(frozenset()), type(tuple()))
print(int("-0"), float("-0.0"), str(-0.0), int(-0.0))
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1", "2.50", "1e-3"]])
