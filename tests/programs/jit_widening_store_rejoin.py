# An attribute store that widens a typed slot runs the interpreter's store (which bumps the class
# version) and rejoins the machine code; the loads after it in the same code must check the class
# version again, or they keep the slot's old type: `n.next is None` was taken as always true, an
# int slot turned float was still added as an int.


class Node:
    def __init__(self):
        self.next = None


def link(nodes, other):
    unlinked = 0
    for n in nodes:
        n.next = other
        if n.next is None:
            unlinked += 1
    return unlinked


print(link([Node() for _ in range(5)], Node()))


class Counter:
    def __init__(self):
        self.total = 0


def add_all(counters, step):
    sums = []
    for c in counters:
        c.total = step
        sums.append(c.total + 1)
    return sums


print(add_all([Counter() for _ in range(3)], 2))
print(add_all([Counter() for _ in range(3)], 2.5))


class Flag:
    def __init__(self):
        self.on = False


def flip(flags, value):
    seen = []
    for f in flags:
        f.on = value
        seen.append("yes" if f.on else "no")
    return seen


print(flip([Flag() for _ in range(3)], True))
print(flip([Flag() for _ in range(3)], 7))
print(flip([Flag() for _ in range(3)], ""))


# Subclasses sharing the slot (a class-set site), each widened in turn.
class Base:
    def __init__(self):
        self.link = None


class A(Base):
    pass


class B(Base):
    pass


def chain(objs, target):
    out = []
    for o in objs:
        o.link = target
        out.append(o.link is None)
    return out


print(chain([A(), B(), A(), B()], None))
print(chain([A(), B(), A(), B()], A()))
print(chain([B(), A()], None))


# Richards' packet queue: append to a list whose link slot was None at first.
class Packet:
    def __init__(self, ident):
        self.ident = ident
        self.link = None

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst


queue = None
for i in range(6):
    queue = Packet(i).append_to(queue)
idents = []
while queue is not None:
    idents.append(queue.ident)
    queue = queue.link
print(idents)
