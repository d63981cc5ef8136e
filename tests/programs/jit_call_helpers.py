# Calls and membership tests that machine code makes through helpers: builtin functions and
# methods, classes, bound methods held in variables, `in` / `not in` with __contains__ in Python,
# and exceptions raised inside them (caught in the same frame and propagated).

class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __contains__(self, x):
        if x == "boom":
            raise KeyError("no boom in a bag")
        return x in self.items

    def add(self, x):
        self.items.append(x)
        return len(self.items)

def membership(n):
    s = {1, 2, 3}
    d = {"a": 1, "b": 2}
    bag = Bag([5, 6])
    hits = 0
    misses = 0
    for i in range(n):
        if i in s:
            hits += 1
        if i not in d:
            misses += 1
        if (i % 7) in bag:
            hits += 10
    return hits, misses, "a" in d, "z" not in d, 6 in bag

def calls(n):
    out = []
    push = out.append          # a bound builtin method in a local
    bag = Bag([])
    add = bag.add              # a bound Python method in a local
    for i in range(n):
        push(abs(-i))
        k = add(i * 2)
        p = Bag(range(i % 3))  # a class call
        out.append(len(p.items) + k)
    return out[-6:], len(out), sum(out)

def errors():
    log = []
    bag = Bag([1])
    for x in [1, "boom", 2]:
        try:
            log.append(x in bag)
        except KeyError as e:
            log.append("caught " + str(e))
    for v in ["12", "x", "7"]:
        try:
            log.append(int(v))
        except ValueError as e:
            log.append("bad " + v)
    try:
        [].pop()
    except IndexError as e:
        log.append(str(e))
    return log

def propagate():
    return "boom" in Bag([])

for _ in range(40):
    r1 = membership(30)
    r2 = calls(20)
    r3 = errors()
print(r1)
print(r2)
print(r3)
try:
    propagate()
except KeyError as e:
    print("propagated", e)
print(propagate())
