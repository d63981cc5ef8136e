# dict views iterable and iteration order
d = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    d[w] = len(w)
print(list(d.keys()))
print(tuple(d.values()))
print([k for k, v in d.items() if v > 3])
ks = iter(d)
print(next(ks), next(ks))
total = 0
for v in d.values():
    total += v
print(total, sum(d.values()), max(d.values()), min(d, key=d.get))
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(zip(d.keys(), d.values()))[:3])
print(set(d.keys()) == set(d), len(d.items()))
print(list(enumerate(d))[:2])
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
del d["the"]
d["the"] = 0
print(list(d)[-3:])
nums = {3: "c", 1: "a", 2: "b"}
print(list(nums), sorted(nums), list(reversed(sorted(nums))))
print(dict(nums))
