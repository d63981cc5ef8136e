# Typed shapes: an instance slot whose values always had one tag is loaded with that type; a
# store of another tag (from the interpreter, a helper or machine code) widens it for good.
class P:
    def __init__(self, x):
        self.x = x
def total(ps):
    t = 0.0
    for p in ps:
        t = t + p.x * 2
    return t
ps = [P(float(i)) for i in range(100)]
for r in range(50):
    s = total(ps)
print(s)
ps[3].x = 7          # an int into a float slot: widens
print(total(ps))
ps[4].x = "s"
try:
    print(total(ps))
except TypeError as e:
    print("TypeError", e)
def setall(ps, v):
    for p in ps:
        p.x = v
setall(ps, 1.5)
print(total(ps))
setall(ps, None)
try:
    total(ps)
except TypeError as e:
    print("TypeError", e)
del ps[0].x
try:
    print(ps[0].x)
except AttributeError as e:
    print("AttributeError", e)
