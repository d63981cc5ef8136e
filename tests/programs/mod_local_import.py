# importing helper modules from the program's own directory
import _shapes
from _shapes import Circle, Rect, total_area
from _util_strings import shout, VERSION
import _shapes as shapes_again
import math
print(_shapes.PI_APPROX, VERSION)
shapes = [Circle(1), Rect(2, 3), _shapes.Circle(0.5)]
for s in shapes:
    print(s.describe())
print(round(total_area(shapes), 6), _shapes.created)
print(shout("hello"), isinstance(shapes[0], _shapes.Shape), shapes_again is _shapes)
print(type(shapes[1]))
import _shapes
print(_shapes.created, math.pi == _shapes.math.pi)
_shapes.created = 100
print(shapes_again.created)
