# polymorphism: the same loop body and the same functions see values whose types change
# over phases (int -> float -> big int -> str -> list -> tuple), then a function called with
# mixed types in one loop.
def combine(a, b):
    return a + b

def scale(v, k):
    return v * k

def size(v):
    if isinstance(v, (str, list, tuple)):
        return len(v)
    if isinstance(v, float):
        return int(v) % 1000
    return v % 1000

def phase(values, rounds):
    acc = values[0]
    total = 0
    n = len(values)
    for r in range(rounds):
        v = values[r % n]
        acc = combine(acc, v)
        if size(acc) > 500:
            acc = values[0]
        total += size(scale(v, 2))
    return total, size(acc)

phases = [
    [1, 2, 3, 5, 8, 13],
    [0.5, 1.25, 2.75, 3.0],
    [2 ** 64 + 1, 2 ** 70, 3 ** 45],
    ["ab", "c", "def", "g"],
    [[1], [2, 3], []],
    [(1,), (2, 3), ()],
]
results = []
for vals in phases:
    results.append(phase(vals, 150000))
print(results)

mixed = [7, 2.5, "xy", [0], (1, 2), 2 ** 65, True, 0, ""]
count = 0
acc_len = 0
for i in range(270000):
    v = mixed[i % 9]
    d = combine(v, v)
    acc_len += size(d)
    if d == v:
        count += 1
print(acc_len, count)

class Shape:
    def area(self):
        return 0
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
class Circ(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.0 * self.r * self.r
class Tri(Shape):
    def __init__(self, b, h):
        self.b = b
        self.h = h
    def area(self):
        return self.b * self.h // 2
shapes = [Sq(3), Circ(1.5), Tri(4, 5), Sq(2 ** 40), Shape()]
total_area = 0
for i in range(300000):
    total_area += shapes[i % 5].area()
print(total_area)
