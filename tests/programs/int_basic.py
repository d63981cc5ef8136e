# Basic int arithmetic and formatting
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b))
print(0 // 7, 0 % 7, 7 // 1, -1 // 2, 1 // -2)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 10 ** -2)
print(abs(-42), abs(0), -(-5), +7)
x = 0
for i in range(100):
    x = x * 3 + i
    x = x % 1000003
print(x)
print(int(3.9), int(-3.9), int("  42 "), int("-17"), int("+8"))
print(int("ff", 16), int("777", 8), int("1010", 2), int("z", 36), int("0x1F", 16), int("0b101", 0))
print(int("1_000_000"), 1_000_000, 0xff, 0o17, 0b1101)
print(int(True), int(False), True + True, True * 10)
print(str(12345), repr(-6789), len(str(2 ** 100)))
print(7 == 7.0, 7 < 7.5, 3 != 3, 10 >= 10)
print(max(3, 9, -2), min(3, 9, -2))
n = 1
count = 0
while n < 10 ** 6:
    n = n * 2 + 1
    count += 1
print(n, count)
print(int(), float(0) == 0, int("  -0  "))
