# Bitwise ops and shifts, small and big
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(a << 3, a >> 2, -a >> 1, -1 >> 100, 1 << 0)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100)
print((1 << 100) >> 98, (1 << 100) >> 200, -(1 << 100) >> 200)
big = 2 ** 100 + 12345
print(big & 0xFFFF, big | 1, big ^ big, big & -big)
print(-big & 0xFF, -big | 0xF, -big ^ 0xFFFF, ~big)
print((2 ** 80 - 1) & (2 ** 70 + 5), (2 ** 80) | (2 ** 10), (2 ** 80) ^ (2 ** 80 - 1))
m = 0
for i in range(0, 130, 7):
    m |= 1 << i
print(m, bin(m).count("1"))
print(hex(m), oct(m & 0xFFFFFFFF))
x = 0xDEADBEEF
h = 0
for i in range(20):
    h = ((h << 5) ^ (h >> 3) ^ x ^ i) & 0xFFFFFFFFFFFFFFFF
print(h)
h2 = 0
for i in range(20):
    h2 = (h2 << 7) ^ i
print(h2)
print(True & False, True | False, True ^ True, type(True & True))
print(5 & True, 1 << True)
print(bin(-37), hex(-255), oct(-8))
