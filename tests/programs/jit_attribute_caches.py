# Attribute types proved within a version and polymorphic inline caches (docs/LBBV.md, "Attribute
# types and polymorphic caches"): every speculation must hold when attributes change type mid-loop,
# another reference stores into the same object between two loads, a subclass instance arrives at
# a cached site, a method is rebound after compilation, and attributes were added in other orders.


class Box:
    def __init__(self, v):
        self.v = v


def square_twice(b):
    # The second load of b.v is typed by the test on the first.
    return b.v * b.v + b.v


def alias_store(b, other):
    x = b.v * 2
    other.v = "s"          # other may be b: b.v is a str now
    y = b.v
    return x, y


def call_between(b, f):
    x = b.v + 1
    f(b)                   # a call may change b.v
    return x, b.v


def setter(b):
    b.v = 2.5


boxes = [Box(i) for i in range(50)]
total = 0
for r in range(40):
    for b in boxes:
        total += square_twice(b)
    if r == 20:
        boxes[7].v = 1.5    # an int slot widens mid-loop
    if r == 30:
        boxes[9].v = 2 ** 70
print(total)

out = []
for i in range(300):
    b = Box(i)
    other = b if i % 3 == 0 else Box(0)
    out.append(alias_store(b, other))
print(out[:4], out[-3:])
print([call_between(Box(i), setter) for i in range(100)][-2:])


# Five classes at one method site and one attribute site, some with the attribute in another slot.
class A:
    def __init__(self):
        self.x = 1
        self.y = 2

    def f(self):
        return self.x


class B(A):
    def __init__(self):
        self.y = 20         # attributes added in the other order: x is slot 1
        self.x = 10

    def f(self):
        return self.y


class C(A):
    def f(self):
        return self.x * 3


class D(C):
    def __init__(self):
        self.z = 0
        self.x = 4.5
        self.y = None


class E(A):
    def f(self):
        return -self.x


def poly(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        s += o.f()
        s += o.x
    return s


objs = [A(), B(), C(), D(), E()]
print(poly(objs, 3000))


class F(D):             # a subclass instance arrives at the cached sites
    def f(self):
        return 100


print(poly(objs + [F()], 3000))


def new_f(self):
    return 7


C.f = new_f             # a method rebound after compilation
print(poly(objs, 3000))
del C.f                 # and removed: C finds A.f again
print(poly(objs, 3000))
A.x = 0                 # a class attribute of an instance slot's name does not shadow it
print(poly(objs, 3000))


class G:
    @property
    def x(self):        # a property where the others have a slot
        return 1000

    def f(self):
        return 1


print(poly(objs + [G()], 3000))


# An int attribute converted to float for float arithmetic is still an int when loaded again.
def half_plus(b):
    return b.v * 0.5 + b.v


def quarter_minus(b):
    return 0.25 * b.v - b.v * 2


mixed = Box(1.5)        # the slot's tag is mixed from here on
acc = 0.0
for i in range(3000):
    b = Box(i % 7)
    acc += half_plus(b) + quarter_minus(b)
print(acc, half_plus(mixed), quarter_minus(Box(3)), type(Box(3).v).__name__)
