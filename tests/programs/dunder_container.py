# __len__ __getitem__ __setitem__ __contains__ __iter__ __next__ __bool__
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [0] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, v):
        x, y = pos
        self.cells[y * self.w + x] = v
    def __contains__(self, v):
        return v in self.cells
g = Grid(3, 2)
g[1, 1] = 7
g[(2, 0)] = 5
print(len(g), g[1, 1], g[2, 0], 7 in g, 9 in g, 9 not in g, g.cells)
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("out")
        return i * i
s = Seq(5)
print(list(s), [x for x in s], 9 in s, len(s), s[2])
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
for v in Countdown(2):
    print("cd", v)
class Bag:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
    def __bool__(self):
        return len(self.items) > 0
print(bool(Bag([])), bool(Bag([1])), sorted(Bag([3, 1, 2])), "yes" if Bag([0]) else "no")
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenOnly(0)), bool(LenOnly(3)), not LenOnly(0))
it = iter(Countdown(3))
print(next(it), next(it), next(it), next(it, "done"))
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
print(list(Squares(4)), 4 in Squares(3), 9 in Squares(3))
