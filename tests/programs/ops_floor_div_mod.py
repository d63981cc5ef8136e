# floor division, modulo and power across signs and types
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
fpairs = [(7.0, 3), (-7, 3.0), (7.5, -2), (-0.5, 1), (1e10, 7), (0.0, -3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -2, (-3) ** 3, (-3) ** -1, 0 ** 5, 1 ** -5, 2.0 ** 10, 4 ** 0.5, 8 ** (1 / 3))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-3, 3, 7), pow(2, 100, 1000000007), pow(7, 0, 1))
print(pow(123456789, 987654321, 10 ** 12), pow(5, -1, 7))
print(10 ** 20 // 3, 10 ** 20 % 3, -(10 ** 20) // 3, (10 ** 20) // -7.0)
print(7 // True, 7 % True, True // 1)
x = 100
x //= 7
print(x)
x %= 5
print(x)
x **= 10
print(x)
x /= 4
print(x)
y = -17
y //= 5
print(y)
