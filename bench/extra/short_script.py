# A short script: start-up dominates (a few small loops, a dict, a string join).
def scale(xs, f):
    out = []
    for x in xs:
        out.append(x * f)
    return out

total = 0.0
for i in range(50):
    total += i * 0.5
counts = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(total, sorted(counts.items())[:3], sum(scale([1.0, 2.0, 3.0], 2.5)))
