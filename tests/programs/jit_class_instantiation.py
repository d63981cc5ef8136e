# C(args) in machine code: the instance is allocated by a helper and __init__ is entered directly.
# The sites below also see other classes, inherited and replaced __init__s, exceptions raised in
# __init__, deep recursion through __init__, and collections while instances are being built.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y * 2

class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

class Inherits(Point):
    pass

class Empty:
    pass

def build(n):
    total = 0
    for i in range(n):
        p = Point(i, i + 1)
        total += p.x + p.y
    return total

print(build(200))

def mixed(n):
    out = []
    for i in range(n):
        cls = Point if i % 3 else Inherits
        p = cls(i, 1.5)
        out.append(type(p).__name__ + str(p.y))
        out.append(Point3(i, 2, 3).z)
        out.append(type(Empty()).__name__)
    return out[-9:]

print(mixed(60))

# __init__ replaced after the loop was compiled
print(build(5))
def new_init(self, x, y):
    self.x = -x
    self.y = -y
Point.__init__ = new_init
print(build(50))

# an exception raised in __init__ reaches the caller with its traceback line
class Checked:
    def __init__(self, v):
        if v > 40:
            raise ValueError("too big: " + str(v))
        self.v = v

def checked(n):
    got = []
    for i in range(n):
        try:
            got.append(Checked(i).v)
        except ValueError as e:
            got.append(str(e))
    return got[-3:]

print(checked(45))

# __init__ returning a value is a TypeError (the interpreter's path)
class Bad:
    def __init__(self, v):
        self.v = v
        if v > 35:
            return v
def bad(n):
    last = None
    for i in range(n):
        try:
            last = Bad(i).v
        except TypeError as e:
            last = str(e)
    return last
print(bad(40))

# recursion through __init__ until the recursion limit
class Chain:
    def __init__(self, depth):
        self.next = Chain(depth + 1) if depth < 30 else None
        self.depth = depth

def length(c):
    n = 0
    while c is not None:
        n += 1
        c = c.next
    return n

for i in range(40):
    c = Chain(0)
print(length(c))

class Forever:
    def __init__(self, d):
        self.child = Forever(d + 1)

try:
    Forever(0)
except RecursionError:
    print("RecursionError")

# many instances: collections run while __init__ frames are live
class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest
        self.pad = [value] * 4

def churn(n):
    head = None
    for i in range(n):
        head = Node(i, head if i % 100 else None)
    s = 0
    while head is not None:
        s += head.value + len(head.pad)
        head = head.rest
    return s

print(churn(60000))
