# min, max (key=, default=), sum, abs, round, divmod, pow
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min((2.5, 1, 3)), max(range(10)))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([], default="empty"), min([], default=None), max([1], default=0), min([3, 2], key=lambda x: -x))
print(max([(1, "b"), (1, "a"), (0, "z")]), min({"x": 3, "y": 1}, key=lambda k: {"x": 3, "y": 1}[k]))
print(max([1, 3, 3, 2], key=lambda x: x % 3), max(["b", "a", "c"], key=lambda s: 0))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1, 0.2, 0.3]), sum([]), sum(range(10 ** 5)), sum([[1], [2]], []))
print(sum([1, 2.5]), sum([10 ** 20, 1]), sum((True, True)))
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(-(10 ** 30)), abs(True))
print(round(3.7), round(-3.7), round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2))
print(round(123456, -2), round(125, -1), round(135, -1), round(-125, -1), round(1.23456, 4), round(5, 2))
print(round(2.675, 2), round(1e20), round(1.5e-10, 12), type(round(2.5)), type(round(2.5, 1)))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(3, 200, 13), pow(-2, 3, 5), pow(10, 100, 99991), pow(0, 0))
try:
    pow(2, 0.5, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
