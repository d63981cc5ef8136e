# list aliasing, nested lists and mutation through references
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[1][1] = 5
print(bad)
def add_item(lst, item):
    lst.append(item)
    return len(lst)
print(add_item(a, 5), a)
def default_trap(x, acc=[]):
    acc.append(x)
    return acc
print(default_trap(1), default_trap(2), default_trap(3, []))
c = a.copy()
c[0] = -1
print(a[0], c[0])
nested = [a, a]
nested[0][0] = "shared"
print(nested)
e = [1, 2]
e.append(e)
print(e, len(e), e[2] is e)
f = []
g = [f, f]
f.append(1)
print(g)
print(list(a) is a, list(a) == a, a[:] is a)
