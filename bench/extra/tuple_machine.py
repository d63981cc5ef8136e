# Another style: a tiny stack machine whose program is a list of instruction tuples (opcode strings
# and operands), run by a dispatch loop of `op == "..."` tests; records kept as tuples, sorted and
# grouped into a dict of lists; a window kept by slice assignment; values that change type (an
# accumulator that starts int and turns float, a register holding None until first written).


def assemble(n):
    code = []
    for i in range(n):
        code.append(("push", i % 7))
        code.append(("push", (i * 3) % 5 + 1))
        if i % 3 == 0:
            code.append(("mul", 0))
        elif i % 3 == 1:
            code.append(("add", 0))
        else:
            code.append(("div", 0))
        code.append(("store", i % 4))
    code.append(("halt", 0))
    return code


def run(code, rounds):
    regs = [None, None, None, None]
    total = 0
    for _ in range(rounds):
        stack = []
        pc = 0
        while True:
            op, arg = code[pc]
            pc += 1
            if op == "push":
                stack.append(arg)
            elif op == "add":
                b = stack.pop()
                a = stack.pop()
                stack.append(a + b)
            elif op == "mul":
                b = stack.pop()
                a = stack.pop()
                stack.append(a * b)
            elif op == "div":
                b = stack.pop()
                a = stack.pop()
                stack.append(a / b)
            elif op == "store":
                v = stack.pop()
                old = regs[arg]
                regs[arg] = v if old is None else old + v
                total += v
            else:
                break
    return total, regs


def records(n):
    recs = []
    k = 17
    for i in range(n):
        k = (k * 1103515245 + 12345) % 2147483648
        recs.append(("g" + str(k % 9), k % 1000, (k % 97) / 7.0))
    recs.sort(key=lambda r: (r[0], -r[1]))
    groups = {}
    for name, qty, price in recs:
        if name in groups:
            groups[name].append((qty, price))
        else:
            groups[name] = [(qty, price)]
    out = []
    for name in sorted(groups):
        rows = groups[name]
        s = 0.0
        for qty, price in rows:
            s += qty * price
        out.append((name, len(rows), round(s, 3)))
    return out


def windows(n, width):
    window = [0.0] * width
    best = 0.0
    for i in range(n):
        window[0:width - 1] = window[1:width]
        window[width - 1:] = [float(i % 13)]
        s = 0.0
        for x in window:
            s += x
        if s > best:
            best = s
    return best


total, regs = run(assemble(300), 60)
print(round(total, 6), [round(r, 3) for r in regs])
for row in records(6000):
    print(row)
print(windows(20000, 8))
