# A short script in the style of a one-off text job: string, dict and list work run once.
text = "the quick brown fox jumps over the lazy dog and the dog sleeps while the fox runs"
words = text.split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(common)
lengths = [len(w) for w in words]
print(sum(lengths), max(lengths), min(lengths))
initials = "".join(w[0].upper() for w in words)
print(initials)
pairs = list(zip(words, words[1:]))
print(len(pairs), pairs[:2])
longest = max(words, key=len)
print(longest, longest[::-1], longest.replace("u", "U"))
table = {w: i for i, w in enumerate(sorted(set(words)))}
print(len(table), table["fox"], "dog" in table, "cat" in table)
print("-".join(str(n) for n in range(5)), "%d words, %.2f avg" % (len(words), sum(lengths) / len(words)))
