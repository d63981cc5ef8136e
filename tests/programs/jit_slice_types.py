# Slices of lists, tuples and strs are typed by the JIT (a list slice is a list): the results
# must behave exactly as in CPython when indexed, mutated, compared and sliced again.
def lists(n):
    a = list(range(8))
    out = 0
    for i in range(n):
        p = a[:]
        q = a[1:6:2]
        r = a[::-1]
        p[0] = i
        out += p[0] + q[-1] + r[0] + len(a[i % 3:])
        a[i % 8] = a[(i + 1) % 8]
    return out, a, p, q, r

def tuples(n):
    t = (5, 6, 7, 8)
    s = 0
    for i in range(n):
        u = t[1:]
        v = t[::-2]
        s += u[0] * v[0] + len(t[i % 4:])
    return s, u, v

def strs(n):
    w = "abcdefgh"
    out = []
    for i in range(n):
        x = w[i % 4:]
        y = w[::-1]
        out.append(x[0] + y[:2] + x.upper()[-1])
    return out[-3:], len(out)

print(lists(50))
print(tuples(50))
print(strs(50))
try:
    def bad(a):
        for i in range(3):
            a[1:2] = 5
    bad([1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
a = [1, 2, 3]
try:
    a[::2] = 5
except TypeError as e:
    print("TypeError:", e)
a[1:2] = iter([7, 8])
a[::2] = (x for x in [0, 9])
print(a)
