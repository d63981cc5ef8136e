# Set displays of constants iterate as CPython 3.11 builds them: three or more constants through a
# frozenset constant and SET_UPDATE, a display iterated by `for` as the frozenset constant itself.
print({100, 5, 37, 2**40, -1})
print({17, 33, 1, 49, 65}, {1, 17}, {17, 1}, {1, 17, 33})
for x in {17, 33, 1, 49, 65}:
    print(x, end=" ")
print()
print([x for x in {17, 33, 1, 49, 65}], [x for x in {65, 49}], {x for x in {8, 16, 24, 0, 40}})
print(list(x * 2 for x in {17, 33, 1, 49, 65}), [y for x in [1] for y in {3, 19, 35, 51}])
print({2**40 + 1, 2**40, 7, -1 - 2**40}, {-5, ~4, +3, not 0, 1.5 * 2, 7 // 2, 7 % 3, 2 ** -1})
print({(1, 2), (3, 4), 5}, {"a" * 3, "b" + "c", "xyz"[1], 8}, {(1, 2)[0], 9, 17, 25})
print({2**200, 1, 2, 3}, {2**128, 2**127 * 2, 33}, {1 << 100, 1 << 130, 5})
print({"ab" * 3000, "z", "y"} == {"z", "y", "ab" * 3000}, len({"a" * 5000, "b", "c"}))
print({1 / 0 if False else 9, 17, 25}, {True, 2, 3}, {1.0, 17, 33})
print({0.5, 1.5, 2.5, 17.0, 33}, {-0.0, 0.0, 16, 32}, {__debug__, 17, 33})
n = 17
print({n, 33, 1}, {1, 33, n}, {1, 2, n, 4})   # not all constants: added one by one
for x in {n, 33, 1}:
    print(x, end=" ")
print()
for x in {100, 5, 37, 2**40, -1}:
    print(x, end=" ")
print()
words = {"x", "yy", "zzz", "w"}
print(len(words), sorted(words))
print({1, 2, 3} | {17, 33}, {*[17, 33, 1]}, {*(49, 65), 1})
total = 0
for i in range(300):
    for v in {i % 7, 14, 28, 1}:
        total += v
print(total)
# str hashes are CPython's (PYTHONHASHSEED=0, as the tests run it), so sets of strings agree too
print({"a" * 3, "b" + "c", "xyz"[1], 8}, {"apple", "banana", "cherry", "date"}, set("hello world"))
print(frozenset(["é", "Ω", "x😀y", ""]), hash("spam") == hash("sp" + "am"), {"k%d" % i for i in range(12)})
