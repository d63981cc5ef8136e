# Polymorphic call chains and deep, lazily compiled successors (written for docs/LINKING.md): each
# step calls a handler method at a site that sees a new class every phase (its class checks chain
# one version after another), then a dispatcher whose if/elif ladder has its arms become hot one
# phase at a time (each test's "no" side is compiled only when first taken, in code of its own).
class Handler:
    def __init__(self, weight):
        self.weight = weight
        self.count = 0

    def handle(self, x):
        self.count += 1
        return x + self.weight


class Doubler(Handler):
    def handle(self, x):
        self.count += 1
        return x * 2 % 1000003


class Folder(Handler):
    def handle(self, x):
        self.count += 1
        return (x ^ self.weight) & 0xFFFFF


class Mixer(Handler):
    def handle(self, x):
        self.count += 1
        return (x * 31 + self.weight) % 999983


class Rotator(Handler):
    def handle(self, x):
        self.count += 1
        return ((x << 3) | (x >> 17)) & 0xFFFFF


def dispatch(op, x):
    if op == 0:
        return x + 1
    elif op == 1:
        return x + 3
    elif op == 2:
        return x * 3 % 65521
    elif op == 3:
        return x - 7
    elif op == 4:
        return x ^ 0x5555
    elif op == 5:
        return x * x % 65521
    elif op == 6:
        return x // 3 + 11
    elif op == 7:
        return x + op * op
    else:
        return x % 1009


def phase(handlers, ops, n, seed):
    x = seed
    k = len(handlers)
    m = len(ops)
    for i in range(n):
        x = handlers[i % k].handle(x)
        x = dispatch(ops[i % m], x)
    return x


def main():
    kinds = [Handler, Doubler, Folder, Mixer, Rotator]
    total = 0
    handled = 0
    for p in range(1, 10):
        handlers = [kinds[j % len(kinds)](j + p) for j in range(min(p, len(kinds)))]
        ops = [j % (p + 1) for j in range(7)]
        total = (total * 7 + phase(handlers, ops, 200000, p)) % 1000000007
        handled += sum(h.count for h in handlers)
    print(total, handled)


main()
