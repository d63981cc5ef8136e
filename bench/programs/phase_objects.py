# Objects kept in lists whose attribute values change type between phases: a tracer specializes
# each phase's loop for the types it records, and must grow bridges or new traces when a phase
# changes them (ints, then floats, then ints that overflow into big ints, then a mix).


class Cell:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.hits = 0


class Grid:
    def __init__(self, n):
        self.cells = [Cell(i, i % 7) for i in range(n)]

    def relax(self, factor):
        cells = self.cells
        n = len(cells)
        total = 0
        for i in range(n):
            c = cells[i]
            right = cells[(i + 1) % n]
            c.value = c.value * factor + right.value
            c.hits += 1
            total = total + c.value
        return total

    def shrink(self, limit):
        for c in self.cells:
            if c.value > limit:
                c.value = c.value % limit


def checksum(values):
    h = 0
    for v in values:
        h = (h * 31 + v) % 1000000007
    return h


def phase_ints(grid, rounds):
    digest = 0
    for r in range(rounds):
        digest = (digest + grid.relax(1)) % 1000000007
        grid.shrink(1000)
    return digest


def phase_floats(grid, rounds):
    for c in grid.cells:
        c.value = c.value * 0.5
    s = 0.0
    for r in range(rounds):
        s = grid.relax(0.25)
    return round(s, 6)


def phase_big(grid, rounds):
    for c in grid.cells:
        c.value = int(c.value) + 3
    last = 0
    for r in range(rounds):
        last = grid.relax(3)
    return last % 1000000007


def phase_mixed(grid, rounds):
    cells = grid.cells
    for i in range(len(cells)):
        cells[i].value = i if i % 3 else i * 0.75
    acc = 0.0
    for r in range(rounds):
        acc = acc + grid.relax(0.5)
        for c in cells:
            if c.hits % 5 == 0:
                c.value = int(c.value)
    return round(acc, 3)


def main():
    grid = Grid(400)
    print("ints", phase_ints(grid, 1500))
    print("floats", phase_floats(grid, 1500))
    print("big", phase_big(grid, 150))
    print("mixed", phase_mixed(grid, 1500))
    print("hits", checksum([c.hits for c in grid.cells]))


main()
