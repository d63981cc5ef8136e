# `o.x += v` compiles to Swap 2; StoreAttr, which the LBBV compiler fuses into one typed store.
# The sites below also see other classes, widening values, owners that are not locals, and a
# class change that turns the attribute into a property.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Other:
    def __init__(self):
        self.x = 0.5
        self.y = 0.25

def step(v, dx, dy):
    v.x += dx
    v.y -= dy * 2.0
    v.x *= 1.0
    return v

def holders(items, n):
    for i in range(n):
        items[i % len(items)].x += i
        items[0].y -= 1
    return [(o.x, o.y) for o in items]

v = Vec(1.0, 2.0)
for i in range(100):
    step(v, 0.5, 0.25)
print(v.x, v.y)
o = Other()
for i in range(50):
    step(o, 1.0, 1.0)
    step(v, 1.0, 1.0)
print(o.x, o.y, v.x, v.y)

# ints widen to floats and back to ints at the same store
w = Vec(1, 2)
for i in range(60):
    step(w, 1, 1)
print(w.x, w.y)
w2 = Vec(3, 4)
for i in range(60):
    w2.x += 1 if i % 2 else 0.5
    w2.y += "" if False else 1
print(w2.x, w2.y)

print(holders([Vec(0, 0), Vec(1, 1), Vec(2.5, 3.5)], 90))

# the attribute becomes a property after the code is compiled
def bump(p, n):
    for i in range(n):
        p.x += 1
    return p.x

class Prop:
    def __init__(self):
        self.x = 0

p = Prop()
print(bump(p, 100))
def _get(self):
    return getattr(self, "_x", 100)
def _set(self, value):
    self._x = value * 2
Prop.x = property(_get, _set)
q = Prop()
print(bump(q, 3))

# an attribute missing on one instance raises at the fused site
class Maybe:
    pass
m1 = Maybe()
m1.x = 1
for i in range(40):
    m1.x += 2
print(m1.x)
m2 = Maybe()
try:
    m2.x += 1
except AttributeError as e:
    print("AttributeError", e)
