# instances whose attribute sets are created in different orders, deleted and re-added
class P:
    pass
def make(order):
    p = P()
    for name in order:
        setattr(p, name, name.upper())
    return p
a = make(["x", "y", "z"])
b = make(["z", "y", "x"])
c = make(["x", "z"])
for p in [a, b, c]:
    print(getattr(p, "x"), getattr(p, "y", "-"), getattr(p, "z"))
del a.y
a.y = "Y2"
print(a.x, a.y, a.z)
class Pt:
    scale = 10
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return (abs(self.x) + abs(self.y)) * self.scale
pts = [Pt(i, -i) for i in range(5)]
pts[2].scale = 1
pts[3].z = 99
print([p.norm1() for p in pts])
del pts[2].scale
print(pts[2].norm1())
Pt.scale = 2
print([p.norm1() for p in pts])
total = 0
for i in range(1000):
    p = pts[i % 5]
    p.x = p.x + 1
    total += p.x
print(total)
class Grow:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a" + str(i), i)
g1 = Grow(3)
g2 = Grow(30)
print(g1.a2, g2.a29, hasattr(g1, "a3"))
g1.a0 = "replaced"
print(g1.a0, g2.a0)
