# list.pop converts its index before it looks at the list (fuzz seed 61040): an empty list popped
# with a bad index raises TypeError, not IndexError; then the usual errors.
def attempt(xs, *args):
    try:
        return xs.pop(*args)
    except Exception as e:
        return (type(e).__name__, str(e))

for args in [((1, 2),), ("0",), (1.5,), (0,), (-1,), (), (2**70,), (True,)]:
    print(args, attempt([], *args), attempt([7, 8], *args))

import array
for args in [((1, 2),), (0,), ()]:
    print(args, attempt(array.array("i"), *args), attempt(array.array("i", [3, 4]), *args))
