# Issue 19, spectral second pass: the class version checked across block edges (a global read as a
# constant, an attribute behind the check, rebound from a branch that calls), a for loop's variable kept
# Int at its header (rebound to other types between and inside loops), and float divisions whose int
# divisor is tested before its conversion (zero from registers, from the frame, constants).

def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def eval_b(i, j):
    return 2.0 / (i + j + 1)

def rebind():
    global eval_a
    eval_a = eval_b

def rows(n, switch_at):
    total = 0.0
    for i in range(n):
        s = 0.0
        for j in range(n):
            if i * n + j == switch_at:
                rebind()
            s += eval_a(i, j) * 0.5
        total += s
    return total

class Box:
    scale = 2.0
    def __init__(self, v):
        self.v = v

def grow():
    Box.scale = Box.scale + 1.0

def boxes(items, at):
    t = 0.0
    for k in range(len(items)):
        if k == at:
            grow()
        t += items[k].v * Box.scale
    return t

def loop_variable_types():
    out = []
    j = "text"
    for j in range(3):
        out.append(j)
    out.append(j)
    for j in [0.5, 1.5]:
        out.append(j)
    for _ in range(2):
        for j in range(2):
            out.append(j * 10)
        j = None
        out.append(j)
    for j in range(2 ** 62, 2 ** 62 + 3):
        out.append(j - 2 ** 62)
    for j in range(3):
        j = j * 0.5
        out.append(j)
    return out

def divisions(n, zero_at):
    t = 0.0
    fails = 0
    for i in range(n):
        for j in range(n):
            try:
                t += 1.0 / (i - j + zero_at)
            except ZeroDivisionError as e:
                fails += 1
                last = str(e)
    q = 0
    for i in range(n):
        try:
            t += (i * 0.5) / q
        except ZeroDivisionError as e:
            fails += 1
        q = i % 3
        t += i / 2.0 + i / -4.0
    try:
        t += 3.0 / 0
    except ZeroDivisionError as e:
        last = str(e)
        fails += 1
    big = 2 ** 80
    try:
        t += 1.0 / (big - big)
    except ZeroDivisionError as e:
        fails += 1
    return round(t, 6), fails, last

print(round(rows(40, 700), 6))
print(round(rows(40, 10 ** 9), 6))
print(boxes([Box(k * 0.25) for k in range(200)], 120))
print(loop_variable_types())
for z in (0, 3, 100):
    print(divisions(30, z))
