# any, all, map, filter, iter, next
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any(x > 3 for x in [1, 5]), all(c.isalpha() for c in "abc"))
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])), list(map(len, ["a", "bb"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda s: s.startswith("a"), ["ab", "ba", "ac"])))
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, "done"))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
it2 = iter("xy")
print(list(it2), list(it2))
d_it = iter({"a": 1, "b": 2})
print(next(d_it), next(d_it))
r_it = iter(range(3))
print(sum(r_it))
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 5)))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(map(lambda x: x * x, Countdown(4))), any(Countdown(1)), all(Countdown(0)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
evens = filter(lambda n: n % 2 == 0, range(10))
squares = map(lambda n: n * n, evens)
print(list(squares))
