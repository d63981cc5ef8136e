# itertools: every function, with the edge cases programs hit (infinite sources cut by islice,
# groupby's shared iterator, tee, error messages).
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(2.5, 0.5), 3)))
c = count(5)
next(c)
print(repr(c), repr(count(1, 2)), repr(count(0.5)))
print(list(islice(cycle("ab"), 5)), list(cycle([])))
print(list(repeat("x", 3)), repr(repeat(1)), repr(repeat(1, 2)), list(repeat(0, -1)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)),
      list(accumulate([1, 2], initial=10)), list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])))
print(list(compress("abcdef", [1, 0, 1, 0, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(None, [0, 1, "", "a"])), list(filterfalse(lambda x: x % 2, range(6))))
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([(k, list(g)) for k, g in groupby("aaabccdd")])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 1, None, 2)),
      list(islice(range(10), 0, 10, 3)), list(islice([], 3)))
for bad in [(-1,), (1, -2), (0, 5, 0)]:
    try:
        islice("abc", *bad)
    except ValueError as e:
        print("ValueError:", e)
print(list(pairwise("abcd")), list(pairwise("a")))
print(list(starmap(pow, [(2, 3), (3, 2)])))
print(list(zip_longest("abc", [1], fillvalue="-")), list(zip_longest()))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(list(product("ab", repeat=2)), list(product([1, 2], "xy")), list(product([], [1])), list(product()))
print(list(permutations("abc", 2)), len(list(permutations(range(5)))), list(permutations([1], 2)))
print(list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations("a", 2)))
print(list(combinations_with_replacement("ab", 2)), list(combinations_with_replacement([], 0)))
try:
    count("a")
except TypeError as e:
    print("TypeError:", e)
try:
    list(combinations("ab", -1))
except ValueError as e:
    print("ValueError:", e)


def digits():
    for n in count(1):
        yield n * n


print(list(islice(digits(), 3, 8)))
print(sum(1 for _ in islice(map(lambda k: (k, 2 * k), count(1)), 100)))
print(type(count()).__name__, isinstance(chain(), chain), itertools.__name__)
