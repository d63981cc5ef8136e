# augmented assignment to names, attributes and subscripts
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 50
print(x)
x <<= 4
x >>= 1
x |= 1
x &= 0xFF
x ^= 0x0F
print(x)
f = 1.5
f += 1
f *= 3
f /= 2
f -= 0.25
print(f)
class Box:
    def __init__(self):
        self.n = 0
        self.items = []
b = Box()
b.n += 1
b.n *= 10
b.items += [1, 2]
b.items *= 2
print(b.n, b.items)
lst = [1, 2, 3]
lst[0] += 100
lst[-1] *= 7
lst[1] **= 5
print(lst)
d = {"a": 1}
d["a"] += 1
d["b"] = 0
d["b"] -= 5
print(d)
nested = {"k": [0, [10]]}
nested["k"][1][0] += 1
nested["k"][0] -= 1
print(nested)
calls = 0
def idx():
    global calls
    calls += 1
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
l1 = [1]
l2 = l1
l1 += [2]
print(l2, l1 is l2)
t1 = (1,)
t2 = t1
t1 += (2,)
print(t2, t1 is t2)
