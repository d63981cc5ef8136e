# Module globals proved within a stretch of machine code (docs/LBBV.md, "Other styles"): a global
# loaded, guarded or stored once is known bound and typed until a call or helper. Every way that
# knowledge could go stale: a global that turns float, str or None mid-loop, is deleted and bound
# again, rebound by a function the loop calls, shadows a builtin, and math calls in between.
from math import sqrt

rows = [[i % 7, (i % 5) * 0.5, i % 3] for i in range(300)]
total = 0.0
norms = 0.0
for rnd in range(6):
    for row in rows:
        a = row[0]
        b = row[1]
        norms += sqrt(a * a + b * b)
        total += a * b - row[2]
        if rnd == 3 and row[2] == 1:
            row[0] = row[0] + 0.5
print("%.4f %.4f" % (total, norms))


def rebind():
    global g
    g = "text"


g = 1
acc = 0
seen = []
for i in range(200):
    g = g + 1 if isinstance(g, int) else 1
    acc += g
    if i == 120:
        rebind()
        seen.append(g)
        g = 5
    acc += g
print(acc, seen)

x = 3
count = 0
for i in range(150):
    if i == 90:
        del x
        try:
            print(x)
        except NameError as e:
            print("NameError", e)
        x = 2.5
    count += x * x
    x = x
print(count, x)

len = 7
s = 0
for i in range(100):
    s += len * len
    if i == 50:
        del len
        s += len([1, 2, 3])
        len = 9
print(s)

v = 1.5
w = 0.0
for i in range(120):
    w += v * v
    if i == 60:
        v = None
    if v is None:
        w += 1.0
        v = 2
    v = v + 1
print(w, v)
