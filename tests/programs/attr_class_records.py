# Attribute slots whose values were, so far, instances of one class: the cases where that record
# must widen (issue 20, "typed attributes"). Loops run long enough for the JITs to compile them.


class Node:
    def __init__(self, value, link):
        self.value = value
        self.link = link


class Other:
    def __init__(self, value, link):
        self.value = value * 10
        self.link = link


class SubNode(Node):
    pass


class Holder:
    def __init__(self, item):
        self.item = item


class Box:
    size = 3

    def __init__(self, n):
        self.n = n

    def area(self):
        return self.n * self.size


def chain(n, cls):
    head = None
    for i in range(n):
        head = cls(i, head)
    return head


def walk_sum(head):
    total = 0
    node = head
    while node is not None:
        total += node.value
        node = node.link
    return total


def link_value_sum(head):
    # self.link.value: the intermediate is an attribute load.
    total = 0
    node = head
    while node.link is not None:
        total += node.link.value
        node = node.link
    return total


def linked_list_changes_class():
    head = chain(300, Node)
    print("nodes", walk_sum(head), link_value_sum(head))
    # Mid-list, a link now holds an Other: the slot held only Node instances before.
    node = head
    for _ in range(150):
        node = node.link
    node.link = Other(7, node.link.link)
    print("mixed", walk_sum(head), link_value_sum(head))
    for _ in range(3):
        print("again", link_value_sum(head))


def slot_gets_none():
    holders = [Holder(Node(i, None)) for i in range(200)]
    total = 0
    for h in holders:
        total += h.item.value
    print("before none", total)
    holders[120].item = None
    total = 0
    missing = 0
    for h in holders:
        if h.item is None:
            missing += 1
        else:
            total += h.item.value
    print("after none", total, missing)


def subclass_stored():
    holders = [Holder(Node(i, None)) for i in range(200)]
    for k in range(0, 200, 50):
        holders[k].item = SubNode(k * 100, None)
    total = 0
    names = set()
    for h in holders:
        total += h.item.value
        names.add(type(h.item).__name__)
    print("subclass", total, sorted(names))


def attribute_replaced():
    holders = [Holder(Box(i)) for i in range(200)]

    def areas():
        return sum(h.item.area() for h in holders)

    print("areas", areas())
    Box.size = 5
    print("size replaced", areas())
    Box.area = lambda self: -self.n
    print("method replaced", areas())
    holders[3].item.size = 100
    del Box.area
    Box.area = lambda self: self.n * self.size
    print("instance attribute", areas())


def class_assigned():
    holders = [Holder(Node(i, None)) for i in range(200)]
    total = 0
    for h in holders:
        total += h.item.value
    print("before __class__", total)
    holders[7].item.__class__ = Other
    names = [type(h.item).__name__ for h in holders[5:9]]
    total = 0
    for h in holders:
        total += h.item.value
    print("after __class__", total, names)


def setattr_and_dict():
    holders = [Holder(Node(i, None)) for i in range(200)]
    setattr(holders[10], "item", Other(1, None))
    holders[11].__dict__["item"] = 42
    total = 0
    for h in holders:
        item = h.item
        total += item if isinstance(item, int) else item.value
    print("setattr and __dict__", total)


linked_list_changes_class()
slot_gets_none()
subclass_stored()
attribute_replaced()
class_assigned()
setattr_and_dict()
