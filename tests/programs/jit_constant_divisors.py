# Floor division and modulo by constant powers of two (a shift and a mask in machine code),
# against other divisors, negative dividends, big ints and floats at the same sites.
def halves(values):
    out = []
    for v in values:
        out.append((v // 2, v % 2, v // 8, v % 8, v // 1, v % 1, v % 2147483648, v // 1073741824))
    return out

def mixed(values):
    total = 0
    for v in values:
        total += v // 4 - v % 16 + v // 3 + v % 7
    return total

ints = [0, 1, 2, 3, 7, -1, -2, -7, -8, -9, 12345, -12345, 2**40 + 3, -(2**40) - 5]
for _ in range(40):
    r = halves(ints)
print(r)
print(mixed(ints) * 1)
for _ in range(40):
    m = mixed(ints)
print(m)
# big ints and floats reach the same sites once the ints ran in machine code
print(halves([2**70 + 1, -(2**70) - 1, 7.5, -7.5]))
print(mixed([2**65, -(2**65) + 3]))
bits = 0
for i in range(-50, 50):
    bits += (i * 37) % 32 + (i * 37) // 64
print(bits)
