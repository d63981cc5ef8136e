# Int and float operands mixed in one expression, with the int locals used again afterwards: the
# JIT converts a copy of the local, never the local itself, and keeps the local's type.

def mix(n):
    x = n + 0
    y = x * 0.5
    z = x + 1
    w = 2.5 - x
    q = x / 4
    return y, z, w, q, x // 2, x % 3, -x

def loop(n):
    total = 0
    acc = 0.0
    for i in range(n):
        acc = acc + i * 1.5
        total = total + i
        acc = i + acc
        total = total * 2 % 1000003
    return total, acc

def chain(a, b):
    c = a * b
    d = c + 0.25
    e = c - 1
    f = a < d
    g = b > 2.0
    return c, d, e, f, g, a + b

for k in range(4):
    print(mix(7 + k))
print(loop(1000))
for a, b in [(3, 4), (3, 4.5), (2.5, 4), (1.5, 2.5), (10**20, 3), (3, 10**20)]:
    print(chain(a, b))
