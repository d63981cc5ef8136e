# int64 fast path overflowing into big integers
x = 2 ** 62
for i in range(5):
    print(i, x, type(x))
    x = x * 2
y = 9223372036854775807  # 2**63 - 1
print(y, y + 1, y + 1 - 1 == y)
print(-y - 1, -y - 2)
z = -9223372036854775808
print(z, z - 1, z * -1, -z, abs(z))
print(z // -1, z % -1)
acc = 1
for i in range(70):
    acc = acc + acc
print(acc, acc == 2 ** 70)
# loop crossing 2**63 by additions
v = 2 ** 63 - 10
steps = 0
while v < 2 ** 63 + 10:
    v += 3
    steps += 1
print(v, steps)
# back down into small ints
w = 2 ** 64
w = w - 2 ** 64 + 5
print(w, w + 1, type(w))
big = 10 ** 30
small = 7
print(big + small, big - small, big * small, big // small, big % small)
print(small - big, small * -big, -big // small, -big % small)
print(big > small, small < big, big == 10 ** 30, big != small)
m = 3037000499
print(m * m, (m + 1) * (m + 1))
print(9223372036854775807 * 9223372036854775807)
print(-9223372036854775808 * -1, -9223372036854775808 // -1)
print(2 ** 63 // 2, (2 ** 63) % 1000)
total = 0
for i in range(1, 40):
    total += i ** 13
print(total)
print(int("123456789012345678901234567890") + 1)
print(str(-(2 ** 100)), len(str(3 ** 200)))
