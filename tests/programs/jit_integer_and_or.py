# `x or y` / `x and y` on ints that may be big (JumpIfTrueOrPop / JumpIfFalseOrPop on an Integer):
# zero, small, big and negative big values, the value itself kept as the expression's result.

def mix(n):
    out = []
    a = 1
    for i in range(n):
        a = a * 7
        if i % 13 == 0:
            a = (i % 3) - 1          # -1, 0 or 1: small again
        x = a or -5
        y = a and i
        z = (a % 4) or (a % 3) or 99
        w = (a > 0 and a) or -a
        out.append((x % 1000, y % 1000, z, w % 1000))
    return out

r = mix(60)
print(len(r), r[:5], r[-5:])
print(sum(p[0] + p[1] + p[2] + p[3] for p in r))

def negative_big(n):
    v = -(3 ** 50)
    t = 0
    for i in range(n):
        t += (v or 1) % 11
        t += (v and 2)
        v = v // 5
    return t, v

print(negative_big(80))
