# Class knowledge carried across block edges, loop back edges and calls (LBBV's type context):
# every case changes what a version entered with a known class assumed.


class Node:
    def __init__(self, value, link):
        self.value = value
        self.link = link


class Other:
    # Another layout: `value` in another slot, so a stale known class reads the wrong slot.
    def __init__(self, value, link):
        self.pad = -1
        self.link = link
        self.value = value * 10


class SubNode(Node):
    def __init__(self, value, link):
        Node.__init__(self, value, link)
        self.extra = value


def build(n, make):
    head = None
    for i in range(n, 0, -1):
        head = make(i, head)
    return head


def walk(node):
    total = 0
    while node:  # None at the end of the list
        total += node.value
        node = node.link
    return total


def walk_is_not_none(node):
    total = 0
    count = 0
    while node is not None:
        if count % 3 == 0:
            total += node.value * 2
        else:
            total -= node.value
        count += 1
        node = node.link
    return total, count


# 1. The classes of the list change at some point of the walk (mixed, then all of another layout).
def mixed(i, link):
    return Other(i, link) if i > 150 else Node(i, link)


print("plain", walk(build(200, Node)), walk_is_not_none(build(200, Node)))
print("mixed", walk(build(200, mixed)), walk_is_not_none(build(200, mixed)))
print("other", walk(build(200, Other)), walk_is_not_none(build(200, Other)))

# 2. A subclass instance among base-class instances.
def with_sub(i, link):
    return SubNode(i, link) if i % 17 == 0 else Node(i, link)


print("sub", walk(build(300, with_sub)), walk_is_not_none(build(300, with_sub)))


# 3. __class__ assigned inside the loop, to the object the loop variable holds.
class Shifted:
    def __init__(self):
        self.pad = 0
        self.value = 0
        self.link = None


def walk_reassigning(node, at):
    total = 0
    i = 0
    while node is not None:
        if i == at:
            node.__class__ = Shifted  # same instance slots by name, another class
        total += node.value + (1000 if type(node) is Shifted else 0)
        i += 1
        node = node.link
    return total


print("class assigned", walk_reassigning(build(200, Node), 120), walk_reassigning(build(200, Node), 5))


def reassign(node):
    node.__class__ = SubNode
    return 1


def walk_reassigning_in_call(node, at):
    total = 0
    i = 0
    while node is not None:
        v = node.value
        if i == at:
            i += reassign(node)
        else:
            i += 1
        total += v + node.value + (7 if isinstance(node, SubNode) else 0)
        node = node.link
    return total


print("class assigned in call", walk_reassigning_in_call(build(200, Node), 100))


class Masked:
    # `value` is a property here: an object moved to this class must not have its slot read.
    @property
    def value(self):
        return 100000


def mask(node):
    node.__class__ = Masked


def walk_masking(node, at):
    total = 0
    i = 0
    while node is not None:
        if i == at:
            mask(node)  # then straight on to the join below: a block edge after the call
        total += node.value
        i += 1
        node = node.link
    return total


def walk_masking_at_back_edge(node, at):
    total = 0
    i = 0
    first = node
    while i < 200:
        total += node.value
        if i == at:
            mask(node)  # then the back edge, to a header that uses node again
        i += 1
    return total, first.value


print("class masked in call", walk_masking(build(200, Node), 150), walk_masking(build(200, Node), 3))
print("class masked before back edge", walk_masking_at_back_edge(build(3, Node), 120))


# 4. An attribute added to the class mid-loop: a property that shadows the instance slot.
class Cell:
    def __init__(self, value, link):
        self.value = value
        self.link = link


def walk_cells(node, at):
    total = 0
    i = 0
    while node:
        if i == at:
            Cell.value = property(lambda self: 5)
        total += node.value
        i += 1
        node = node.link
    return total


print("property added", walk_cells(build(200, Cell), 80))
del Cell.value
print("property removed", walk_cells.__name__, walk(build(200, Cell)))


# 5. Methods calling methods on self; self's class changes in one of them.
class Counter:
    def __init__(self):
        self.n = 0
        self.step = 1

    def bump(self):
        self.n += self.step
        return self.n

    def twice(self):
        self.bump()
        return self.bump()

    def run(self, k):
        total = 0
        for i in range(k):
            total += self.twice()
            if i == k - 10:
                self.morph()
        return total

    def morph(self):
        self.__class__ = Doubler


class Doubler(Counter):
    def bump(self):
        self.n += 2 * self.step
        return self.n


c = Counter()
print("methods", c.run(300), type(c).__name__, c.n)


# 6. An attribute whose value changes type between phases, read through known objects.
class Box:
    def __init__(self, item):
        self.item = item


def phases(boxes):
    out = []
    for phase in range(3):
        total = 0
        for b in boxes:
            x = b.item
            total = total + x if phase != 2 else total + len(x)
        out.append(total)
        for b in boxes:
            b.item = float(b.item) if phase == 0 else str(b.item) if phase == 1 else b.item
    return out


print("phases", phases([Box(i) for i in range(100)]))
