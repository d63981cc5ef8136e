# A tiny benchmark for the `lbbv bench` end-to-end test: float attributes and a method call per item.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


total = 0.0
for i in range(5000):
    total += Point(i * 0.5, i * 0.25).norm2()
print(total)
