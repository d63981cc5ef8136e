# Expression trees of six node classes walked by visitors (an evaluator, a printer-free size
# counter, a constant folder): every `node.accept(v)` and `node.left` site sees several classes,
# and the leaves' values change type between phases (ints, then floats, then big ints).
# Written for the attribute caches of issue 20 (docs/LBBV.md): a style bench/programs lacks.

class Node:
    pass


class Num(Node):
    def __init__(self, value):
        self.value = value

    def accept(self, v):
        return v.num(self)


class Var(Node):
    def __init__(self, name):
        self.name = name

    def accept(self, v):
        return v.var(self)


class Add(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def accept(self, v):
        return v.add(self)


class Mul(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def accept(self, v):
        return v.mul(self)


class Neg(Node):
    def __init__(self, operand):
        self.operand = operand

    def accept(self, v):
        return v.neg(self)


class Max(Node):
    def __init__(self, left, right):
        self.right = right     # slots in the other order than Add and Mul
        self.left = left

    def accept(self, v):
        return v.max(self)


class Evaluator:
    def __init__(self, env):
        self.env = env

    def num(self, n):
        return n.value

    def var(self, n):
        return self.env[n.name]

    def add(self, n):
        return n.left.accept(self) + n.right.accept(self)

    def mul(self, n):
        return n.left.accept(self) * n.right.accept(self)

    def neg(self, n):
        return -n.operand.accept(self)

    def max(self, n):
        a = n.left.accept(self)
        b = n.right.accept(self)
        return a if a > b else b


class Size:
    def num(self, n):
        return 1

    def var(self, n):
        return 1

    def add(self, n):
        return 1 + n.left.accept(self) + n.right.accept(self)

    def mul(self, n):
        return 1 + n.left.accept(self) + n.right.accept(self)

    def neg(self, n):
        return 1 + n.operand.accept(self)

    def max(self, n):
        return 1 + n.left.accept(self) + n.right.accept(self)


def build(seed, depth):
    if depth == 0:
        if seed % 3 == 0:
            return Var("xyz"[seed % 3 + seed % 2])
        return Num(seed % 7 + 1)
    k = seed % 4
    a = build(seed * 7 + 1, depth - 1)
    if k == 0:
        return Add(a, build(seed * 5 + 2, depth - 1))
    if k == 1:
        return Mul(a, Num(seed % 3 + 1))
    if k == 2:
        return Neg(a)
    return Max(a, build(seed * 3 + 5, depth - 1))


def retype(node, f):
    # Leaves change the type of their value: the same trees are evaluated again.
    if isinstance(node, Num):
        node.value = f(node.value)
    elif isinstance(node, Neg):
        retype(node.operand, f)
    elif not isinstance(node, Var):
        retype(node.left, f)
        retype(node.right, f)


def main():
    trees = [build(s, 7) for s in range(60)]
    size = Size()
    total_size = 0
    for t in trees:
        total_size += t.accept(size)
    phases = [
        ({"x": 2, "y": 3, "z": -1}, lambda v: v),
        ({"x": 0.5, "y": 1.5, "z": -2.0}, lambda v: v * 0.5),
        ({"x": 2 ** 40, "y": 3, "z": -(2 ** 35)}, lambda v: int(v * 2) * 2 ** 30),
    ]
    for env, f in phases:
        for t in trees:
            retype(t, f)
        ev = Evaluator(env)
        acc = 0
        for rep in range(40):
            for t in trees:
                acc += t.accept(ev)
        print(type(acc).__name__, acc if isinstance(acc, int) else round(acc, 3))
    print("size", total_size)


main()
