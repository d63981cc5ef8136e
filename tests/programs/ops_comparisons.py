# comparisons, chained comparisons, is / in
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 == True, 1 < 2 < 3 < 4 < 5, 5 > 3 >= 3 > 2)
print(1 < 3 > 2 == 2 != 5, 0 <= a <= 10, not 1 < 0)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(0) < v(5), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print(1 == 1.0, [1] == [1], (1, 2) == (1, 2), "a" == "a")
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, x is not z, x == z, None is None, type(1) is int)
print(3 in [1, 2, 3], 3 not in (1, 2), "k" in {"k": 1}, 2 in {1, 2}, 2 in range(5), "b" in "abc")
print((1, 2) < (1, 3), [1, 2, 3] < [1, 2], "abc" < "abd", [] < [1], (2,) >= (1, 5))
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", [1] == (1,), None == False, 1 != "1")
print(max(1, 2.5, 2), min([3, 1.5, 2]), 2 ** 64 > 1.5, 2 ** 64 == 2.0 ** 64, -(2 ** 64) < -1e19)
i = 0
while 0 <= i < 5:
    i += 2
print(i)
