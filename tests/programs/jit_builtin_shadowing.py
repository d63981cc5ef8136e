# Builtins read as constants by JIT code: every way a module global can come to shadow a builtin
# (a function's `global` store, a module-level store, setattr on an imported module) and `del`
# restoring it must be seen by code compiled before, in the same loop and in other functions.
import _builtin_user

def count(items):
    total = 0
    for x in items:
        total += len(x)
        if isinstance(x, str):
            total += 1
    return total

def shadow_len():
    global len
    def fake(x):
        return 100
    len = fake

def restore_len():
    global len
    del len

words = ["a", "bb", [1, 2, 3], (4,), "ccc"]
for i in range(40):
    r = count(words)
print("builtin", r)
shadow_len()
print("shadowed by a function's global store", count(words))
restore_len()
print("restored", count(words))

def loop_that_shadows(n):
    global abs
    out = []
    for i in range(n):
        out.append(abs(-i))
        if i == 35:
            abs = lambda v: "fake"
    return out

print(loop_that_shadows(40)[30:])
del abs
print(loop_that_shadows(3))

def uses_max(values):
    best = 0
    for v in values:
        best = max(best, v)
    return best

for i in range(40):
    m = uses_max([3, 9, 4])
print("max", m)
max = min
print("module-level store", uses_max([3, 9, 4]))
del max
print("deleted", uses_max([3, 9, 4]))

for i in range(40):
    t = _builtin_user.measure(words)
print("other module", t)
_builtin_user.len = lambda x: 1000
print("setattr on the module", _builtin_user.measure(words))
del _builtin_user.len
print("delattr", _builtin_user.measure(words))

def sum_of_range(n):
    s = 0
    for i in range(n):
        s += i
    return s

for i in range(40):
    s = sum_of_range(10)
range = lambda n: [7] * n
print("range shadowed", sum_of_range(3))
del range
print("range restored", sum_of_range(10))
try:
    del len
except NameError as e:
    print("NameError:", e)
