# Builtins whose result type is known (len: int, isinstance: bool, math.sqrt: float): the call
# checks which function it calls, so rebinding the name later must still give the new result.
import math

def sizes(items):
    total = 0
    for x in items:
        if isinstance(x, (list, str)):
            total += len(x) * 2
        else:
            total += 1
    return total

def roots(n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(i) + math.floor(i / 3)
    return s

def domain_errors(values):
    out = []
    for v in values:
        try:
            out.append(math.sqrt(v) + 1)
        except ValueError as e:
            out.append(str(e))
    return out

def char_codes(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000003
    return h

for _ in range(30):
    a = sizes([[1, 2], "abc", 5, (1,), "x"])
    b = roots(20)
    c = domain_errors([4.0, -1.0, 9])
    d = char_codes("typed builtins")
print(a, b, c, d)

def len(x):                # rebinding a builtin's name: compiled calls must call the new one
    return 10

for items in ([[1], "ab", 3], ["abc"]):
    print(sizes(items))
def isinstance(x, t):
    return "yes"
try:
    print(sizes(["abc", 1]))
except TypeError as e:
    print("TypeError", e)
math.sqrt = lambda v: "root"
print(domain_errors([4.0]))
