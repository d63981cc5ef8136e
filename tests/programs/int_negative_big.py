# Negative big ints, mixed signs, floor division and modulo
vals = [-(2 ** 70), -(10 ** 20) + 3, -(2 ** 63), -(2 ** 63) - 1, 2 ** 63, 10 ** 20 + 7]
divs = [3, -3, 7, -1000000007, 2 ** 65, -(2 ** 65) + 1]
for v in vals:
    row = []
    for d in divs:
        row.append((v // d, v % d))
    print(v, row)
print(divmod(-(10 ** 25), 7), divmod(10 ** 25, -7))
print(-(2 ** 100) < -(2 ** 99), -(2 ** 100) < 5, abs(-(3 ** 50)))
print(sorted([10 ** 20, -(10 ** 20), 0, -5, 2 ** 64, -(2 ** 64)]))
print(-(2 ** 64) // 2 ** 32, -(2 ** 64) >> 3, -(2 ** 64) << 2)
x = -1
for i in range(10):
    x *= 1000003
print(x, x % 97, x // 97)
print(int("-99999999999999999999999"), -int("99999999999999999999999") - 1)
print(str(-(10 ** 40))[:5], repr(-(2 ** 80)))
print(max(-(10 ** 30), -(10 ** 29)), min(-(10 ** 30), -(10 ** 29)))
print(-(2 ** 63) == -9223372036854775808, hash(-(2 ** 63)) == hash(-(2 ** 63)))
