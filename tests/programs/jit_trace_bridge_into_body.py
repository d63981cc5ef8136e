# A bridge that re-enters a peeled loop trace's body must not find what the preamble proved beyond
# the types the body checks on entry: here the preamble's iteration stores the constant 1 in `step`,
# the body reads it before it stores it again, and the bridge (the rarer branch) stores 2 or 2.5.


def ints(n):
    total = 0
    step = 1
    for i in range(n):
        total += step
        if i % 7 == 6:
            step = 2
        else:
            step = 1
    return total


def floats(n):
    total = 0.0
    scale = 0.5
    for i in range(n):
        total = total + scale * i
        if i % 5 == 4:
            scale = 2.5
        else:
            scale = 0.5
    return total


def nested(rows):
    out = []
    for r in range(rows):
        acc = 0
        width = 3
        for c in range(r % 4 + 2):
            acc = acc * width + c
            width = 3 if c % 3 else 10
        out.append(acc)
    return sum(out)


print(ints(5000))
print(floats(5000))
print(nested(3000))
