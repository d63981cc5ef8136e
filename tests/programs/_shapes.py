# helper module imported by mod_local_import.py (not a test program)
import math
PI_APPROX = 3.14
created = 0
class Shape:
    def area(self):
        return 0.0
    def describe(self):
        return type(self).__name__ + " with area " + str(round(self.area(), 3))
class Circle(Shape):
    def __init__(self, r):
        global created
        created += 1
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h):
        global created
        created += 1
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
def total_area(shapes):
    return sum(s.area() for s in shapes)
print("_shapes module loaded")
