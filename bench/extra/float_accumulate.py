# Float locals carried around loops (the register cache's float locals): a dot product through
# indexes, a running sum and sum of squares over a list of floats, a damped oscillator stepped in
# locals, a Newton iteration per item, and an accumulator that starts as an int and becomes a float.
def dot(xs, ys):
    s = 0.0
    i = 0
    n = len(xs)
    while i < n:
        s += xs[i] * ys[i]
        i += 1
    return s

def moments(xs):
    s = 0.0
    q = 0.0
    for v in xs:
        s += v
        q += v * v
    return s, q

def oscillate(steps):
    x = 1.0
    v = 0.0
    dt = 0.01
    k = 0
    while k < steps:
        a = -4.0 * x - 0.1 * v
        v = v + a * dt
        x = x + v * dt
        k += 1
    return x, v

def roots(xs):
    total = 0.0
    for v in xs:
        r = v + 1.0
        j = 0
        while j < 6:
            r = 0.5 * (r + v / r)
            j += 1
        total += r
    return total

def mixed(n):
    acc = 0
    i = 0
    while i < n:
        acc = acc + i
        if i == n // 2:
            acc = acc * 0.5
        i += 1
    return acc

xs = [(i % 97) * 0.25 + 1.0 for i in range(2000)]
ys = [(i % 13) * 0.5 - 2.0 for i in range(2000)]
total = 0.0
for rep in range(30):
    total += dot(xs, ys)
    s, q = moments(xs)
    total += s - q * 0.001
    total += roots(xs[:300])
print(round(total, 6))
print(oscillate(200000))
print(mixed(100001))
