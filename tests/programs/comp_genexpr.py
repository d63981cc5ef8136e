# generator expressions
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(100)), max(len(w) for w in ["aa", "b", "cccc"]))
print(any(x > 8 for x in range(10)), all(x < 8 for x in range(10)), min(x % 7 for x in range(3, 20)))
print(tuple(c for c in "abc"), sorted((x % 5 for x in range(12)), reverse=True))
print(",".join(str(i) for i in range(5)), set(x // 2 for x in range(6)))
evaluated = []
def noisy(x):
    evaluated.append(x)
    return x
gen = (noisy(x) for x in range(10))
print(evaluated)
print(next(gen), next(gen), evaluated)
print(any(noisy(x) > 4 for x in range(10)), evaluated)
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def count_true(it):
    return sum(1 for v in it if v)
print(count_true([0, 1, 2, "", "x", None]))
lazy = (1 / x for x in [1, 2, 0, 4])
out = []
try:
    for v in lazy:
        out.append(v)
except ZeroDivisionError as e:
    print("stopped:", out, e)
print(dict((k, k * k) for k in range(4)), list(zip((a for a in "xyz"), range(10))))
