# Globals bound once (a size, a tuple of words, a list, a float) are read as constants by JIT code,
# behind the class-version check: rebinding one later, from module code, from compiled code inside
# the loop that reads it, from another function, through globals() or a module's setattr, or
# deleting it, must be seen by code compiled before. Counters rebound often are read through cells.
import _builtin_user

SIZE = 7
WORDS = ("alpha", "beta", "gamma")
TABLE = [1, 2, 3, 4]
SCALE = 0.5
LIMIT = 10 ** 20


def use(n):
    total = 0
    for i in range(n):
        total += (i % SIZE) + len(WORDS[i % len(WORDS)]) + TABLE[i % 4] * SCALE
        if total > LIMIT:
            total = 0
    return total


for k in range(40):
    r = use(50)
print("first", r)

SIZE = 3                     # module code rebinds a constant read by compiled code
print("size rebound", use(50))

TABLE.append(100)            # mutation, not rebinding: the same list
TABLE[0] = 1000
print("table mutated", use(50))


def rebind_inside(n):
    global SCALE
    total = 0.0
    for i in range(n):
        total += SCALE * i
        if i == n // 2:
            SCALE = 2          # an int now: the rest of the loop must see it
    return total


for k in range(40):
    SCALE = 0.5
    r = rebind_inside(60)
print("rebound inside", r, SCALE)


def set_words():
    global WORDS
    WORDS = ("x",)


def calls_setter(n):
    total = 0
    for i in range(n):
        total += len(WORDS[0])
        if i == 10:
            set_words()
    return total


for k in range(40):
    WORDS = ("alpha", "beta", "gamma")
    r = calls_setter(30)
print("rebound by a callee", r)


def read_limit():
    return LIMIT + 1


for k in range(40):
    r = read_limit()
globals()["LIMIT"] = "now a str"
try:
    print(read_limit())
except TypeError as e:
    print("TypeError", e)
LIMIT = 5
print("limit", read_limit())
del LIMIT
try:
    read_limit()
except NameError as e:
    print("NameError", e)

count = 0
for i in range(100):
    count += i % 7
print("counter", count)
