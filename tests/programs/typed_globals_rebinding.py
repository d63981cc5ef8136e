# Module-level loops over rebound globals (read typed by the global's record behind the class-version
# check): rebound to another type mid-loop at module level, from a function with `global`, through
# globals()[...], deleted, and an int growing past 2**63.
total = 0
x = 1
for i in range(3000):
    total += x
    if i == 1000:
        x = 0.5                             # int -> float at module level
    if i == 2000:
        x = 3                               # back to int
print(total)

acc = 0
y = 2
def rebind_y(v):
    global y
    y = v

for i in range(3000):
    acc = acc + y
    if i == 1500:
        rebind_y(1.5)
    if i == 2500:
        rebind_y(4)
print(acc)

words = []
z = 5
for i in range(2000):
    if i == 1200:
        globals()["z"] = "s"                # int -> str through the module's dict
    words.append(z * 2)
print(words[0], words[1199], words[1200], words[-1], len(words))

k = 0
n = 0
for i in range(2000):
    k = k + 1
    n += k
    if i == 1500:
        del k
        try:
            print(k)
        except NameError as e:
            print("NameError:", e)
        k = 0
print(k, n)

big = 1
steps = 0
for i in range(200):
    big = big * 3 + 1                       # past 2**63 after 40 steps: the record turns mixed
    steps += big % 7
print(big, steps)

g = 1
def bump_g():
    global g
    g += 1
r = 0
for i in range(3000):
    bump_g()
    r += g
    if i == 2000:
        g = 2 ** 62                         # big after a few more bumps
print(r, g)

mixed = 0
for i in range(2000):
    mixed = mixed + 1 if i < 1000 else str(mixed) if i == 1000 else mixed + "x" if i < 1010 else mixed
print(mixed)

w = 1
cnt = 0
for i in range(2000):
    cnt += w
    if i == 1500:
        globals().pop("w")                  # deleted through the module's dict
        try:
            cnt += w
        except NameError as e:
            print("NameError:", e)
        w = 2.5
print(cnt)
