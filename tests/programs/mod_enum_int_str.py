# IntEnum and StrEnum members are ints and strs (as in CPython).
from enum import Enum, IntEnum, StrEnum, auto

class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = auto()

print(Color.RED, repr(Color.RED), str(Color.GREEN), f'{Color.BLUE}', f'{Color.BLUE:03d}', format(Color.RED, '>4'))
print(isinstance(Color.RED, int), type(Color.RED).__name__, issubclass(Color, int), Color.__mro__[1].__name__)
print(Color.RED + 1, 1 + Color.RED, Color.GREEN * Color.BLUE, -Color.RED, Color.BLUE // 2, Color.BLUE / 2)
print(Color.RED == 1, 1 == Color.RED, Color.RED < Color.GREEN, Color.RED < 2, hash(Color.RED) == hash(1))
print(['a', 'b', 'c', 'd'][Color.BLUE], list(range(Color.BLUE)), int(Color.GREEN), float(Color.GREEN))
print({1: 'one'}[Color.RED], sorted([Color.BLUE, Color.RED, 0]), sum(Color), max(Color), Color(2), Color['BLUE'])
print(Color.RED.name, Color.RED.value, type(Color.RED.value).__name__, bool(Color.RED), abs(Color.RED))
print('%d and %s' % (Color.RED, Color.GREEN), Color.RED in Color, list(Color), len(Color))

class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = 'sq'

print(Shape.CIRCLE, repr(Shape.SQUARE), Shape.CIRCLE == 'circle', isinstance(Shape.SQUARE, str))
print(Shape.SQUARE.upper(), Shape.SQUARE + '!', len(Shape.CIRCLE), f'[{Shape.SQUARE:>4}]', Shape('sq'))
print({'sq': 1}[Shape.SQUARE], Shape.CIRCLE.value, sorted(Shape), '-'.join([Shape.CIRCLE, 'x']))

class Plain(Enum):
    A = 1
print(isinstance(Plain.A, int), Plain.A == 1, repr(Plain.A), str(Plain.A))
