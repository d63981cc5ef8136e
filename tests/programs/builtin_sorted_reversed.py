# sorted and reversed
print(sorted([3, 1, 2]), sorted("cba"), sorted((2.5, 1, 3)), sorted({3: 0, 1: 0}), sorted({5, 2, 9}))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len, reverse=True))
words = ["Banana", "apple", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
recs = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: (-r[1], r[0])))
print(sorted(sorted(recs), key=lambda r: r[1], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print("".join(reversed("hello")), list(reversed([])))
r = reversed([10, 20])
print(next(r), next(r), next(r, "end"))
orig = [3, 1, 2]
s = sorted(orig)
print(orig, s, s is orig)
print(sorted([1, -5, 3, -2], key=abs), sorted([[2, 1], [1, 2], [1]]), sorted([True, False, 0, 1]))
class Rev:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Rev(3))))
big = [(i * 7919) % 1000 for i in range(200)]
sb = sorted(big)
print(sb[:5], sb[-5:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
