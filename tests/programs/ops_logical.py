# and/or/not with truthiness and short-circuit, conditional expressions
def t(x):
    print("eval", x)
    return x
print(t(0) and t(1))
print(t(2) and t(3))
print(t(0) or t(4))
print(t(5) or t(6))
print(t("") or t([]) or t("last"))
print(not t(None))
x = 5
print("big" if x > 3 else "small", "even" if x % 2 == 0 else "odd")
print(1 if 0 else 2 if 0 else 3)
y = [] or None
print(y)
z = [1] and "yes"
print(z)
vals = [0, 1, "", "a", [], [0], None, 0.0, 0.1, {}, set(), (), (0,)]
print([bool(v) for v in vals])
print([v for v in vals if v])
print([v or "F" for v in vals])
def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(n) for n in (-2, 0, 7)])
a = None
b = a or "default"
print(b, a is None and "none", not not b)
count = 0
for i in range(20):
    if i % 2 == 0 and i % 3 == 0 or i == 7:
        count += 1
print(count)
print(not (True and False), not True or True, (not True) or True)
