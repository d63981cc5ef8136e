# range and slice objects
r = range(10)
print(r, range(2, 8), range(0, 20, 3), range(5, 0, -1))
print(list(r), list(range(2, 8)), list(range(0, 20, 3)), list(range(5, 0, -1)), list(range(0)))
print(len(range(0, 20, 3)), len(range(10, 0)), len(range(-5, 5, 2)), len(range(10, 0, -3)))
print(r[3], r[-1], r[2:5], r[::-1], list(r[::3]), range(0, 20, 3)[2])
print(5 in r, 10 in r, -1 in r, 6 in range(0, 20, 3), 7 in range(0, 20, 3))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), r.start, r.stop, r.step)
print(range(1, 10, 2).index(7), range(1, 10, 2).count(4), sum(range(101)), max(range(7)))
print(list(reversed(range(3))), sorted(range(5, 0, -1)))
print(list(range(-3, 3)), list(range(3, -3, -2)), range(2 ** 70, 2 ** 70 + 3)[1])
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3), slice(1, None, -1))
data = list(range(20))
print(data[s], "abcdefghij"[s], (1, 2, 3, 4, 5)[slice(None, None, -2)])
print(s.indices(5), slice(None, None, -1).indices(4))
sl = slice(2, None)
data[sl] = []
print(data)
