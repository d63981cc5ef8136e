# dict basics and insertion order
d = {"one": 1, "two": 2}
d["three"] = 3
d["one"] = 11
print(d, len(d), d["two"])
print("one" in d, "four" in d, 1 in d, "four" not in d)
del d["two"]
print(d)
d["two"] = 22
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
e = dict(a=1, b=2)
f = dict([("x", 10), ("y", 20)])
g = dict(e)
g["c"] = 3
print(e, f, g, dict(), {})
print({1: "a", 2.0: "b", (1, 2): "c", None: "d", True: "e"})
print({1: 1} == {1: 1.0}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} != {1: 2})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
sq = {}
for i in range(10):
    sq[i] = i * i
print(sq)
for i in range(0, 10, 2):
    del sq[i]
print(sq)
sq[0] = "back"
print(sq, list(sq)[-1])
print(len(d))
