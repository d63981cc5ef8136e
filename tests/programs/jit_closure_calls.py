# Closures called from machine code: a direct call copies the function's cells into the callee's
# frame, and any closure of the same code takes the same path (each outer call makes a new one).
def outer(n):
    k = n * 2
    acc = []
    def inner(x):
        acc.append(x)
        return x + k
    def counter():
        nonlocal k
        k += 1
        return k
    t = 0
    for i in range(50):
        t += inner(i)
        if i % 10 == 0:
            counter()
    return t, len(acc), k
for n in range(5):
    print(outer(n))
def make(m):
    def f(x):
        return x * m
    return f
fs = [make(i) for i in range(5)]
def use(fs):
    s = 0
    for f in fs:
        for j in range(10):
            s += f(j)
    return s
print(use(fs), use(fs))
