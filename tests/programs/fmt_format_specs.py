# format specs through format() and f-strings on many types
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(255, "x"), format(0.5, "%"))
print(format(1234567.891, ","), format(1234567.891, ",.1f"), format(-1234, ","), format(10 ** 20, ","))
print(format(1e-7, ""), format(1e16, ""), format(123.0, "g"), format(1e-5, "g"), format(1234567.0, ".7g"))
print(format(12.0, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(2.5, ".0f"), format(3.5, ".0f"))
print(format(float("inf"), "f"), format(float("-inf"), ".2f"), format(float("nan"), "e"), format(-0.0, ".1f"))
print(format(5, "b"), format(5, "#010b"), format(-5, "b"), format(65, "c"), format(8, "o"))
print(format(3, "+"), format(-3, "+"), format(3, " "), format(3.0, " .1f"), format(-3, "=+6"), format(42, "=+08d"))
print(format(12, "^7"), format(12.5, "<8"), format("s", "*^5"), format(True, ">6"), format(str(None), ">6"))
print(format(1.0, ""), format(1.0, "g"), format(100.0, "e"), format(1.23456789e-10, ".3e"))
print(format(0.1 + 0.2, ".17g"), format(2 / 3, ".10f"), format(1 / 7, ".3%"))
print(format(1000000, "_"), format(0xABCDEF, "_x"), format(2 ** 64, "x"), format(-(2 ** 64), "#x"))
print(format(7, "d"), format(7.0, ".1f"))
vals = [0, 1, -1, 123.456, -0.001, 1e10, 2 ** 40]
print(" ".join(format(v, ">12.3e") for v in vals))
print(" ".join(format(v, "<10.4g") + "|" for v in vals))
for w in range(1, 6):
    print(f"{'*' * w:>5}|{'*' * w:^7}|{w / 3:6.3f}|{w ** 10:>12,}")
