# float repr and str, exactly as CPython
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0,
        1.5e-07, 0.0001, 0.00001, 1e-5, 1e22, 1e23, 2.5, 1 / 3, 2 / 3, 10 / 3,
        3.141592653589793, 1e308, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
        100.0, 1234567.0, 0.5, 1e100, -1.5e-10, 9007199254740993.0, 0.3, 1.1 * 3]
for v in vals:
    print(v, repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e400"), -float("1e400"))
print(float("  3.25 "), float("-0"), float("1_000.5"), float("Infinity"), float("-NaN"))
print(float(7), float(-7), float(2 ** 60), float(10 ** 20))
print(1e16 + 1, 1e16 + 2, 2.0 ** 53, 2.0 ** 53 + 1)
print([0.1, -0.0, 1e16], (0.5,), {1.5: 2.5})
print(str(1e-4), str(1e-5), str(123e-9), str(1e21), str(1e15 * 10))
print(4.35 * 100, 0.1 * 3, 1.1 + 2.2, 3 * 1.1)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3))
print(round(1234.5678, -2), round(-2.5), round(7.0), type(round(7.5)))
