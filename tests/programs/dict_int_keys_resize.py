# dicts growing and shrinking with many int and str keys, checking order and contents
d = {}
for i in range(5000):
    d[i * 7 % 5003] = i
print(len(d), list(d.items())[:5], list(d)[-3:])
for i in range(0, 5003, 3):
    if i in d:
        del d[i]
print(len(d), list(d)[:6], sum(d), sum(d.values()))
for i in range(100):
    d[-i] = "neg"
print(len(d), list(d)[-4:])
s = {}
for i in range(3000):
    s["k" + str(i % 1500)] = s.get("k" + str(i % 1500), 0) + i
print(len(s), s["k0"], s["k1499"], list(s)[:3])
big = {2 ** 64 + i: i for i in range(50)}
print(big[2 ** 64 + 49], (2 ** 64) in big, list(big)[:2])
mixed = {1: "int", 1.5: "float", "1": "str", (1,): "tuple", None: "none", False: "bool"}
print(mixed[1.0], mixed[0], mixed["1"], mixed[(1,)], len(mixed))
cnt = {}
x = 1
for i in range(20000):
    x = (x * 48271) % 2147483647
    b = x % 97
    cnt[b] = cnt.get(b, 0) + 1
print(len(cnt), min(cnt.values()), max(cnt.values()), sum(cnt.values()))
print(sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
