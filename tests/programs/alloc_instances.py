# Instances that machine code allocates with their slots inside their cell: classes that gain
# attributes after instances exist (instances made earlier or by older code grow), __init__ with
# side effects or raising, __init__ replaced, classes with too many attributes for a small cell,
# subclasses, and enough short-lived objects to force collections while some are kept.
class P:
    def __init__(self, i):
        self.x = i
        self.y = i * 2

def make(n):
    ps = []
    s = 0
    for i in range(n):
        p = P(i)
        s += p.x + p.y
        if i % 5000 == 0:
            ps.append(p)
    return s, len(ps)

print(make(300000))
old = P(1)
old.z = 3               # the class's layout grows: new instances get three slots
print(make(1000), old.z, vars(P(2)))
newer = P(4)
newer.z = 5
newer.w = 6
print(vars(newer), vars(old))

registry = []

class Logged:
    count = 0
    def __init__(self, v):
        Logged.count += 1
        registry.append(self)
        self.v = v
        if v == 13:
            raise ValueError("unlucky")

def logged(n):
    made = 0
    for i in range(n):
        try:
            Logged(i)
            made += 1
        except ValueError as e:
            made -= 100
    return made

print(logged(50), Logged.count, len(registry), registry[13].v, registry[-1].v)

class Wide:
    def __init__(self, k):
        for i in range(40):
            setattr(self, "a%d" % i, i * k)

def wide(n):
    t = 0
    for k in range(n):
        w = Wide(k)
        t += w.a39 + w.a0
    return t

print(wide(300), wide(300))

class Base:
    def __init__(self, a):
        self.a = a

class Child(Base):
    pass

def family(n):
    t = 0
    for i in range(n):
        t += Base(i).a + Child(i).a
    return t

print(family(20000))
def other_init(self, a):
    self.a = -a
    self.extra = True
Base.__init__ = other_init
print(family(100), vars(Child(3)))

class Empty:
    def __init__(self):
        pass

def empties(n):
    got = [Empty() for _ in range(n)]
    e = Empty()
    e.late = 1
    return len(got), vars(e), vars(Empty())

print(empties(1000))

class Node:
    def __init__(self, nxt, v):
        self.nxt = nxt
        self.v = v

def chains(rounds):
    total = 0
    for r in range(rounds):
        head = None
        for i in range(20):
            head = Node(head, i)
        while head is not None:
            total += head.v
            head = head.nxt
    return total

print(chains(20000))
