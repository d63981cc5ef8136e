# Deep call chains returning floats: small functions that call each other, as numeric code split
# into helpers does; every result is a float the caller uses at once.
import math


def sq(x):
    return x * x


def norm2(x, y):
    return sq(x) + sq(y)


def dist(x1, y1, x2, y2):
    return math.sqrt(norm2(x1 - x2, y1 - y2))


def lerp(a, b, t):
    return a + (b - a) * t


def smooth(t):
    return t * t * (3.0 - 2.0 * t)


def blend(a, b, t):
    return lerp(a, b, smooth(t))


def path_length(n):
    total = 0.0
    px = py = 0.0
    for i in range(1, n):
        t = i / n
        x = blend(0.0, 10.0, t)
        y = blend(5.0, -5.0, 1.0 - t) * math.sin(t * 6.0)
        total += dist(px, py, x, y)
        px, py = x, y
    return total


acc = 0.0
for k in range(20):
    acc += path_length(20000 + k)
print("%.6f" % acc)
