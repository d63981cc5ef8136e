# __add__ __sub__ __mul__ __truediv__ __floordiv__ __mod__ __neg__ and reflected
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "V(" + str(self.x) + ", " + str(self.y) + ")"
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return V(self.x + o, self.y + o)
    def __radd__(self, o):
        return V(o + self.x, o + self.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __rsub__(self, o):
        return V(o - self.x, o - self.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(k * self.x, k * self.y)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __rtruediv__(self, k):
        return V(k / self.x, k / self.y)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __rfloordiv__(self, k):
        return V(k // self.x, k // self.y)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __rmod__(self, k):
        return V(k % self.x, k % self.y)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x and self.y == o.y
a = V(1, 2)
b = V(10, 20)
print(a + b, a + 1, 1 + a, b - a, 100 - a, a * 3, 3 * a, b / 4, 1 / V(2, 4))
print(b // 3, 7 // V(2, 3), b % 3, 7 % V(2, 3), -a, -(-a), a == V(1, 2), a != V(1, 2))
print(sum([a, b, V(0, 1)]), sum([a, b], V(0, 0)))
acc = V(0, 0)
for i in range(5):
    acc += V(i, 1)
print(acc)
acc *= 2
acc -= V(1, 1)
print(acc)
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.c + o.c)
        return NotImplemented
    def __repr__(self):
        return "$" + str(self.c)
print(Money(5) + Money(7))
try:
    Money(5) + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + Money(5)
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) * 2
except TypeError as e:
    print("TypeError:", e)
