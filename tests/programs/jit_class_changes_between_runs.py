# A workload run several times, the way a benchmark harness runs it, where each run changes classes:
# slots first hold None then objects (their tags widen), a method is replaced, a class attribute is
# added, a global class is rebound. Every change makes compiled code stale; the code compiled again
# after it must compute what the interpreter computes.


class Cell:
    def __init__(self, value):
        self.value = value
        self.link = None

    def weight(self):
        return self.value


class Heavy(Cell):
    def weight(self):
        return self.value * 3


def chain(cells):
    for i in range(len(cells) - 1):
        cells[i].link = cells[i + 1]
    return cells[0]


def walk(head):
    total = 0
    steps = 0
    node = head
    while node is not None:
        total += node.weight()
        if node.link is not None and steps % 3 == 0:
            total += node.link.value
        steps += 1
        node = node.link
    return total, steps


def run(kind, size):
    cells = [kind(i) if i % 4 else Heavy(i) for i in range(size)]
    return walk(chain(cells))


results = []
for round_number in range(8):
    results.append(run(Cell, 40 + round_number))
    if round_number == 2:
        Cell.weight = lambda self: self.value + 1000
    if round_number == 3:
        Cell.bonus = 7
        Heavy.weight = lambda self: self.value * 3 + self.bonus
    if round_number == 4:
        class Cell(Cell):  # a new class under the old global name
            def weight(self):
                return -self.value
    if round_number == 5:
        del Heavy.weight
    print(round_number, results[-1])
print(sum(t for t, _ in results), sum(s for _, s in results))
