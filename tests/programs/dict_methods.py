# dict methods
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"x": 9, "a": 0})
d.update([("y", 8)])
d.update(z=7)
print(d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is d)
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["new"] = 1
print(len(k), len(v), len(it), "new" in k, ("new", 1) in it, 1 in v)
print(sorted(d.keys()), sorted(d.values()), list(reversed(list(d.items())))[:2])
d.clear()
print(d, len(k))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
inv = {v: k for k, v in counts.items()}
print(inv)
print({k: 0 for k in "ab"})
