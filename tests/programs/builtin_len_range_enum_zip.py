# len, range, enumerate, zip
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(10)), len(""), len(frozenset()))
for i, c in enumerate("abc"):
    print(i, c)
print(list(enumerate(["x", "y"], start=10)), list(enumerate([])), list(enumerate("ab", -1)))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], [3])), list(zip()), list(zip("ab")))
print(list(zip(range(3), range(10, 13), range(20, 23))))
names = ["a", "b", "c"]
ages = [1, 2, 3]
print(dict(zip(names, ages)))
pairs = list(zip(names, ages))
n2, a2 = zip(*pairs)
print(n2, a2)
e = enumerate("xy")
print(next(e), next(e), next(e, None))
z = zip([1, 2], [3, 4])
print(next(z), list(z))
try:
    len(5)
except TypeError as err:
    print("TypeError:", err)
print(list(range(3)), list(range(1, 4)), list(range(1, 10, 4)), list(range(3, 0, -1)))
total = 0
for i, (a, b) in enumerate(zip("abc", range(3))):
    total += i * b
print(total)
