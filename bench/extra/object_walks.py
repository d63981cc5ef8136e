# Objects walked in while loops and methods calling methods on self (issue 20, class knowledge in
# the type context): a ring of nodes with a sentinel (no None at the end), a binary tree searched
# iteratively, an accumulator whose methods call each other, and an attribute whose values change
# from ints to floats between phases.


class Ring:
    def __init__(self, value):
        self.value = value
        self.weight = 1
        self.next = self


class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
        self.hits = 0


class Meter:
    def __init__(self):
        self.total = 0
        self.count = 0
        self.scale = 2

    def scaled(self, x):
        return x * self.scale

    def add(self, x):
        self.total += self.scaled(x)
        self.count += 1

    def feed(self, values):
        i = 0
        n = len(values)
        while i < n:
            self.add(values[i])
            i += 1
        return self.total


def build_ring(n):
    head = Ring(0)
    node = head
    for i in range(1, n):
        nxt = Ring(i)
        nxt.next = head
        node.next = nxt
        node = nxt
    return head


def ring_sum(head, laps):
    total = 0
    node = head
    steps = 0
    while steps < laps:
        total += node.value * node.weight
        node = node.next
        if node is head:
            steps += 1
    return total


def insert(root, key):
    node = root
    while True:
        if key < node.key:
            if node.left is None:
                node.left = Tree(key)
                return
            node = node.left
        else:
            if node.right is None:
                node.right = Tree(key)
                return
            node = node.right


def search(root, key):
    node = root
    depth = 0
    while node is not None:
        node.hits += 1
        if key == node.key:
            return depth
        node = node.left if key < node.key else node.right
        depth += 1
    return -1


def main():
    head = build_ring(200)
    print("ring", ring_sum(head, 300))
    node = head
    for i in range(200):
        node.weight = 0.5 if i % 2 else 1.5  # the weights become floats
        node = node.next
    print("ring floats", ring_sum(head, 300))

    root = Tree(5000)
    seed = 17
    keys = []
    for i in range(3000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        keys.append(seed % 10000)
        insert(root, keys[-1])
    depth = 0
    for r in range(20):
        for k in keys:
            depth += search(root, k)
    print("tree", depth, root.hits)

    m = Meter()
    values = list(range(1000))
    for r in range(100):
        m.feed(values)
    print("meter", m.total, m.count)
    m.scale = 0.5  # floats from here
    for r in range(100):
        m.feed(values)
    print("meter floats", m.total, m.count)


main()
