# Attribute slots typed by one class (issue 20): hot loops in which the class of what a slot holds
# changes while the loop runs, so that code compiled for "this slot holds instances of C" must see
# the change: another class with another slot order, a subclass with a property, None, `__class__`
# assigned, setattr and __dict__ writes, classes alternating every iteration.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class VecYX:
    # Same attribute names in the other slot order: a load compiled for Vec's layout reads y as x.
    def __init__(self, x, y):
        self.y = y
        self.x = x


class VecSub(Vec):
    def __init__(self, x, y):
        self.tag = "sub"
        super().__init__(x, y)

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Body:
    def __init__(self, x, y):
        self.pos = Vec(x, y)
        self.vel = Vec(1.0, -1.0)


def step_all(bodies, steps, swap_at, replacement):
    # b.pos.x / b.vel.y: the intermediate is an attribute load typed by the slot's class.
    for s in range(steps):
        if s == swap_at:
            bodies[len(bodies) // 2].pos = replacement
        for b in bodies:
            p = b.pos
            v = b.vel
            p.x = p.x + v.x * 0.5
            p.y = p.y + v.y * 0.5
    return sum(b.pos.x - b.pos.y for b in bodies)


def layouts():
    bodies = [Body(float(i), float(-i)) for i in range(20)]
    print("same class", step_all(bodies, 300, -1, None))
    bodies = [Body(float(i), float(-i)) for i in range(20)]
    print("other layout", step_all(bodies, 300, 150, VecYX(100.0, 200.0)))
    bodies = [Body(float(i), float(-i)) for i in range(20)]
    print("subclass", step_all(bodies, 300, 150, VecSub(7.0, 9.0)))
    print("norm1", bodies[10].pos.norm1, type(bodies[10].pos).__name__)


class Node:
    def __init__(self, value, link):
        self.value = value
        self.link = link


class Wide:
    def __init__(self, value, link):
        self.extra = -1
        self.link = link
        self.value = value * 1000


def chain(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head


def relink_while_walking():
    # The loop itself stores a Wide into a link it later reads through node.link.value.
    head = chain(400)
    total = 0
    node = head
    i = 0
    while node.link is not None:
        if i == 200:
            node.link = Wide(node.link.value, node.link.link)
        total += node.link.value
        node = node.link
        i += 1
    print("relinked", total, i)
    total = 0
    node = head
    while node is not None:
        total += node.value
        node = node.link
    print("walk", total)


def holder_class():
    # A fresh class per scenario: each starts with its own slot records.
    class Holder:
        def __init__(self, item):
            self.item = item

    return Holder


def alternating():
    Holder = holder_class()
    a = Vec(1, 2)
    b = VecYX(10, 20)
    h = Holder(a)
    total = 0
    for i in range(3000):
        h.item = a if i % 3 else b
        total += h.item.x * 3 + h.item.y
    print("alternating", total)


def none_mid_loop():
    Holder = holder_class()
    h = Holder(Vec(3, 4))
    total = 0
    for i in range(2000):
        if i == 1000:
            h.item = None
        if i == 1500:
            h.item = Vec(5, 6)
        item = h.item
        total += 0 if item is None else item.x + item.y
    print("none", total)


class Before:
    def __init__(self):
        self.p = 1
        self.q = 2


class After:
    def __init__(self):
        self.q = 20
        self.p = 10

    def total(self):
        return self.p * 100 + self.q


def class_assigned_mid_loop():
    Holder = holder_class()
    spare = After()  # After's layout: q in slot 0, p in slot 1 (Before's the other way round)
    holders = [Holder(Before()) for _ in range(50)]
    total = spare.total()
    for i in range(40):
        if i == 20:
            holders[i].item.__class__ = After
        for h in holders:
            total += h.item.p * 7 + h.item.q
    print("class assigned", total, type(holders[20].item).__name__, holders[20].item.total())


def setattr_dict_mid_loop():
    Holder = holder_class()
    holders = [Holder(Vec(i, i)) for i in range(100)]
    total = 0
    for i in range(100):
        h = holders[i]
        if i == 30:
            setattr(h, "item", VecYX(-1, -2))
        if i == 60:
            h.__dict__["item"] = VecSub(4, 5)
        if i == 90:
            vars(h)["item"] = Vec(1000, 2000)
        total += h.item.x - h.item.y * 2
    print("setattr", total, [type(h.item).__name__ for h in holders[29:32]])


def big_values():
    Holder = holder_class()
    # A slot of one class whose instances carry growing ints and strings.
    holders = [Holder(Vec(2 ** 62, "s")) for _ in range(10)]
    total = 0
    for r in range(200):
        for h in holders:
            h.item.x = h.item.x + r
            total += h.item.x % 1000003
    print("big", total, holders[0].item.x, holders[0].item.y)


def put(holder, item):
    # Called a few times only (the interpreter's store cache, filled by the first call, sees the
    # second call's other class) unless the JIT compiles everything.
    holder.item = item


def store_site_reused():
    Holder = holder_class()
    holders = [Holder(Node(i, None)) for i in range(30)]
    put(holders[0], Node(3, None))
    put(holders[1], Wide(4, None))  # Wide's value is in another slot than Node's
    total = 0
    for _ in range(100):
        for h in holders:
            total += h.item.value
    print("store site reused", total)


layouts()
store_site_reused()
relink_while_walking()
alternating()
none_mid_loop()
class_assigned_mid_loop()
setattr_dict_mid_loop()
big_values()
