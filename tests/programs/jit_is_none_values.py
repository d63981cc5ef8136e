# `x is None` / `x is not None` used as values (returned, stored, combined), where the JIT compares
# the tag inline: operands of every kind, None on either side, values whose type changes mid-loop,
# and identity with other objects (still the generic op).
class Box:
    def __init__(self, v):
        self.v = v

    def empty(self):
        return self.v is None

    def full(self):
        return self.v is not None


def flags(values):
    out = []
    for v in values:
        a = v is None
        b = None is not v
        c = (v is None) == (None is v)
        out.append((a, b, c))
    return out


values = [None, 0, 0.0, False, "", [], (), None, 1 << 70, Box(None)]
print(flags(values))

boxes = [Box(None if i % 3 == 0 else i) for i in range(300)]
empties = 0
fulls = 0
for rnd in range(20):
    for b in boxes:
        if b.empty():
            empties += 1
        fulls += b.full()
    boxes[rnd].v = None if boxes[rnd].v is not None else "back"
print(empties, fulls)

t = True
print([x is t for x in [True, 1, False, None]], [x is not t for x in [True, 1]])
s = Box(3)
print(s is s, s is not s, s is Box(3))


def typed(n):
    count = 0
    for i in range(n):
        x = i if i % 4 else None
        y = float(i)
        count += (x is None) + (y is None) * 10 + (y is not None)
    return count


print(typed(400))
