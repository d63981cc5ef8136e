# float arithmetic, floor semantics and mixing with int
a = 7.5
b = -2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, b ** 3)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2, 7 % 2.5, -7 % 2.5)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1))
print(1 / 2, 3 / 1, -3 / 4, 2 ** 0.5, 10 ** -1, (-8) ** 2.0)
print(1 + 2.0, 3 * 0.5, 7 - 0.5, 2 ** 3.0, 9 ** 0.5, 6 // 4.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1e308 * 10, -1e308 * 10, 1e308 * 10 - 1e308 * 10)
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, inf > 1e308, nan == nan, nan != nan, nan < 1)
print(0.0 == -0.0, -0.0 * 1, 0.0 * -1, -0.0 + 0.0, abs(-0.0))
print(1.0 == 1, 1.5 > 1, 2 > 1.5, 3 == 3.0000000001, 10 ** 20 == 1e20, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(int(1e20), int(-2.5e10), int(1.9999), float(2 ** 70))
s = 0.0
for i in range(1, 1001):
    s += 1.0 / i
print(s)
x = 1.0
for i in range(60):
    x = x * 1.5 - 0.25
print(x)
p = 1.0
for i in range(10):
    p /= 3
print(p)
print(5.0 // 0.3, 5.0 % 0.3, -5.0 % 0.3)
print(sum([0.1] * 10), 0.1 * 10)
print(max(1, 2.0, 1.5), min(3.0, 3), max(2.0, 2))
print(abs(-3.5), -abs(2.25), +(-1.0))
print(float(True), 1.5 + True, 3.0 * False)
print(7.0 / 2 * 2, 1e-300 * 1e-300, 2.5e-320 / 10)
