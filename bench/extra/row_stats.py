# A short script in another style: module-level code (no functions for the hot loops), rows kept as
# lists, nested `for` loops over lists and ranges, math functions imported by name, a list that
# grows while it is iterated, and values that change type (ints that turn float, a None mixed in).
from math import sqrt, floor, exp

rows = []
for i in range(4000):
    rows.append([i % 17, (i % 5) * 0.5, (i * 7) % 11, i % 3 == 0])

total = 0.0
norms = 0.0
buckets = [0] * 12
for rnd in range(12):
    for row in rows:
        a = row[0]
        b = row[1]
        c = row[2]
        norms += sqrt(a * a + b * b + c)
        total += a * b - c
        buckets[floor(b * 2 + c) % 12] += 1
    for k in range(len(rows)):
        if k % 97 == 0:
            rows[k][0] = rows[k][0] + 0.25      # an int column turns float in some rows

smooth = 0.0
for rnd in range(20):
    for x in range(2000):
        smooth += exp(-(x % 50) / 25.0)

queue = [1, 2, 3]
seen = 0
for q in queue:
    seen += q
    if len(queue) < 3000:
        queue.append((q * 3) % 1000 + 1)

mixed = [3, 4.5, None, 7, 2.0] * 400
acc = 0.0
misses = 0
for rnd in range(10):
    for v in mixed:
        if v is None:
            misses += 1
        else:
            acc += v

print("%.4f %.4f" % (total, norms), buckets)
print("%.6f" % smooth, seen, len(queue))
print("%.2f" % acc, misses)
