# Methods of builtin types that take no arguments refuse one (fuzz seed 74984: set.pop(2.5) popped an
# element instead of raising TypeError), and leave the object unchanged.
s = set(range(2))
try:
    s.pop(2.5)
except TypeError as e:
    print("TypeError", e)
print(s)
cases = [
    lambda: {1}.clear(1), lambda: {1}.copy(1), lambda: frozenset({1}).copy(2),
    lambda: [1].copy(1), lambda: [1].clear(1), lambda: {1: 2}.popitem(1),
    lambda: {1: 2}.copy(3), lambda: {1: 2}.clear(None), lambda: {1}.pop(x=1),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except TypeError as e:
        print(i, "TypeError", e)
d = {1: 2, 3: 4}
print(d.popitem(), d.copy(), set(range(3)).copy(), [1, 2].copy(), frozenset({5}).copy())
lst = [1]
lst.clear()
print(lst, {7}.pop())
