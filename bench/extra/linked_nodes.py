# Objects reached through objects: a singly linked queue walked by `node.link.value`, a binary
# search tree of Entry nodes whose `left`/`right` hold nodes or None, and particles whose `pos`
# and `vel` are Vec3 objects updated through `p.pos.x`. Every attribute slot holds instances of one
# class (or None, in the tree), so the class of what a load returns is the slot's record.
# Written for attribute slots typed by one class (issue 20, docs/LBBV.md): a style bench/programs
# lacks (bench/programs keeps objects in lists, not behind other objects' attributes).


class Link:
    def __init__(self, value, link):
        self.value = value
        self.link = link


class Queue:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Link(value, self.head)
        self.size += 1

    def pair_sums(self):
        # node.link.value: the intermediate is an attribute load of a slot of Links.
        total = 0
        node = self.head
        while node.link is not None:
            total += node.value * node.link.value
            node = node.link
        return total


class Vec3:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Particle:
    def __init__(self, i):
        self.pos = Vec3(float(i), float(i * 2), 0.0)
        self.vel = Vec3(0.01 * i, -0.02, 0.5)

    def advance(self, dt):
        self.pos.x += self.vel.x * dt
        self.pos.y += self.vel.y * dt
        self.pos.z += self.vel.z * dt


def kinetic(particles):
    e = 0.0
    for p in particles:
        e += p.vel.x * p.vel.x + p.vel.y * p.vel.y + p.vel.z * p.vel.z
    return e


class Entry:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None

    def insert(self, key):
        if self.root is None:
            self.root = Entry(key)
            return
        node = self.root
        while True:
            if key < node.key:
                if node.left is None:
                    node.left = Entry(key)
                    return
                node = node.left
            else:
                if node.right is None:
                    node.right = Entry(key)
                    return
                node = node.right

    def depth_of(self, key):
        node = self.root
        depth = 0
        while node is not None and node.key != key:
            node = node.left if key < node.key else node.right
            depth += 1
        return depth


def main():
    q = Queue()
    for i in range(400):
        q.push(i % 17)
    pairs = 0
    for _ in range(150):
        pairs += q.pair_sums()
    print("queue", q.size, pairs)

    particles = [Particle(i) for i in range(200)]
    for _ in range(100):
        for p in particles:
            p.advance(0.1)
    print("particles", round(kinetic(particles), 6), round(particles[7].pos.x, 6))

    tree = Tree()
    k = 7
    for _ in range(1500):
        k = (k * 1103515245 + 12345) % 2147483648
        tree.insert(k % 100000)
    total = 0
    for j in range(40000):
        total += tree.depth_of((j * 7919) % 100000)
    print("tree", total)


main()
