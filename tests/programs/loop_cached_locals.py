def change_type(n):
    i = 0
    s = 0
    while i < n:
        s += i
        if i == 50:
            s = s * 1.5
        i += 1
    return s

def big(n):
    i = 9223372036854775000
    s = 0
    while i < 9223372036854775807 + n:
        s += i
        i += 100
    return s, i

def brk(n):
    i = 0
    t = 0
    while i < n:
        t += i * 3
        if t > 5000:
            break
        i += 1
    return i, t

def ret(n):
    i = 0
    t = 0
    while True:
        t = t + i
        i = i + 1
        if i >= n:
            return i, t

def exc(n):
    i = 0
    t = 0
    try:
        while i < n:
            t += 10 // (5 - i)
            i += 1
    except ZeroDivisionError:
        return ("zde", i, t)
    return i, t

def nested(n):
    i = 0
    total = 0
    while i < n:
        j = 0
        while j < i:
            total += j ^ i
            j += 1
        i += 1
    return total

def negcount(n):
    k = n
    acc = 1
    while k > 0:
        acc = acc * 3
        k -= 1
    return acc

def swap_roles(n):
    a = 0
    b = 1
    c = 0
    while c < n:
        a, b = b, a + b
        c += 1
    return a

for f in (change_type, big, brk, ret, exc, nested, negcount, swap_roles):
    print(f.__name__, f(100), f(7))
