# Type knowledge in other styles (docs/LBBV.md, "Other styles"): list kinds kept across math calls,
# items of a list of lists typed by its kind when kept in a local, str comparisons typed bool; and
# every one of them broken in the middle of a hot loop (a float list that gets a str, a row that
# turns into a tuple or an int list, a str that becomes an int, None, or a str subclass).
import math


class Loud(str):
    def __eq__(self, other):
        return "loud"

    __hash__ = str.__hash__


def lengths(ps, n, spoil_at):
    total = 0.0
    for k in range(n):
        if k == spoil_at:
            ps[1] = "spoiled"
        a = ps[0]
        b = ps[1]
        if isinstance(b, str):
            total += 1000.0
            ps[1] = 4.0
            continue
        d = math.sqrt(a * a + b * b)
        total += ps[0] / d + ps[1] / d + math.floor(d)
    return total


def row_sums(rows, n, change_at, replacement):
    s = 0.0
    for i in range(n):
        if i == change_at:
            rows[i % len(rows)] = replacement
        r = rows[i % len(rows)]
        for j in range(3):
            s += r[j] * r[j]
        s += r[0] - r[2]
    return s


def opcodes(items):
    counts = [0, 0, 0, 0]
    for op in items:
        if op == "add":
            counts[0] += 1
        elif op == "sub":
            counts[1] += 1
        elif op != "mul":
            r = op == "div"
            counts[3] += 1 if r is True else 0
        else:
            counts[2] += 1
    return counts


print(lengths([3.0, 4.0], 300, -1))
print(lengths([3.0, 4.0], 300, 150))
print(lengths([3.0, 4.0], 300, 0))
rows = [[1.0, 2.0, 3.0], [0.5, 0.25, 0.125], [2.0, 2.0, 2.0], [1.5, 1.0, 0.5]]
print(row_sums(rows, 400, -1, None))
print(row_sums([list(r) for r in rows], 400, 201, (7.0, 8.0, 9.0)))
print(row_sums([list(r) for r in rows], 400, 202, [1, 2, 4]))
try:
    print(row_sums([list(r) for r in rows], 400, 203, ["a", "b", "c"]))
except TypeError as e:
    print("TypeError", e)
mixed = [list(r) for r in rows]
mixed[3] = [1, 2.5, 3]
print(row_sums(mixed, 400, 250, [10, 20, 30]))
try:
    print(row_sums([list(r) for r in rows], 100, 50, [1.0, 2.0]))
except IndexError as e:
    print("IndexError", e)
try:
    print(row_sums([list(r) for r in rows], 100, 60, 5))
except TypeError as e:
    print("TypeError", e)
words = ["add", "sub", "mul", "div", "mod"] * 60
print(opcodes(words))
print(opcodes(words + [1, None, 2.5, Loud("add"), Loud("zzz"), "sub"] + words))
print(opcodes([Loud("x")] * 5 + words))
print(Loud("a") == "a", Loud("a") != "b", "a" == "a", "a" < "b", "b" <= "a")
