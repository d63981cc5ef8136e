# Float list items loaded into registers next to inlined leaf calls (issue 19, branch spectral):
# items that stop being floats mid-loop, negative and out-of-range indexes, lists swapped between
# calls, a pending local under the call that the callee's exit must see written, and a traceback
# from inside the inlined callee after the item load.
def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def weight(x, k):
    return x * k + 0.25

def mul_av(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out[i] = s

def mixed(v):
    t = 0.0
    for j in range(len(v)):
        try:
            t += weight(1.5, j) * v[j]
        except TypeError:
            t -= 2.0
    return t

def backwards(v):
    t = 0.0
    for j in range(-1, -len(v) - 1, -1):
        t += v[j] * weight(0.5, j)
    return t

def compare_items(v, limit):
    c = 0
    for j in range(len(v)):
        if v[j] < limit:
            c += 1
    return c

def ratio(a, b):
    return a / b

def divide_all(v, d):
    s = 0.0
    for j in range(len(v)):
        s += ratio(v[j], d[j]) * v[j]
    return s

def main():
    u = [1.0] * 40
    v = [0.0] * 40
    for _ in range(4):
        mul_av(u, v)
        mul_av(v, u)
    print(round(sum(u), 6), round(sum(v), 6))
    w = [0.5 * k for k in range(30)]
    print(mixed(w))
    w[11] = 7
    print(mixed(w))
    w[12] = "x"
    print(mixed(w))
    w[12] = 2 ** 70
    print(mixed(w))
    print(backwards([1.0, 2.0, 3.5, -4.25]))
    print(compare_items([0.1 * k for k in range(50)], 2.05))
    print(compare_items([0.1 * k for k in range(49)] + [True], 2.05))
    d = [1.0 + k for k in range(20)]
    print(round(divide_all(d, d), 6))
    d[15] = 0.0
    try:
        print(divide_all([2.0] * 20, d))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    short = [1.0] * 5
    try:
        t = 0.0
        for j in range(8):
            t += eval_a(1, j) * short[j]
        print(t)
    except IndexError as e:
        print("IndexError", e, round(t, 9))

main()
