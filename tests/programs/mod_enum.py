# enum: Enum, IntEnum, StrEnum, auto, unique, the functional API, member lookup and errors.
import enum
from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
    def describe(self): return self.name.lower()
print(repr(Color.RED), str(Color.RED), f'{Color.RED}', format(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['GREEN'], list(Color), len(Color), Color.ALIAS is Color.RED, repr(Color), type(Color), Color.RED.describe())
print(Color.__members__, Color.RED in Color)
try: Color(5)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
class N(IntEnum):
    ONE = 1
    TWO = 2
print(repr(N.ONE), str(N.ONE), f'{N.TWO}', N.ONE + 1, N.ONE == 1, N.TWO > N.ONE, sorted([N.TWO, N.ONE]), int(N.TWO), [1,2,3][N.ONE], hash(N.ONE) == hash(1))
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value)
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
F = Enum('F', 'a b c'); print(list(F), F.a.value)
class Planet(Enum):
    EARTH = (5.97, 6.37)
    def __init__(self, mass, radius): self.mass = mass; self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
try: Color.RED = 3
except AttributeError as e: print(e)
try: Color.RED < Color.GREEN
except TypeError as e: print(e)
print(isinstance(Color.RED, Color), Color.RED.__class__)
class S(enum.Enum):
    a = 'x'
print(repr(S.a))
class E2(Enum):
    pass
try:
    class E3(Color): pass
except TypeError as e: print(e)
print(list(reversed(Color)), {Color.RED: 1}, Color.RED.value == 1)
print(Color.RED == Color.RED, Color.RED != Color.GREEN, hash(Color.RED) == hash(Color.ALIAS))
from enum import StrEnum
class Mode(StrEnum):
    READ = auto()
    WRITE = "w"
print(repr(Mode.READ), str(Mode.READ), Mode.WRITE == "w", Mode("read"), Mode.READ.upper(), Mode.READ + "!")
class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3
    @classmethod
    def _missing_(cls, value):
        return cls.SQUARE if value == "sq" else None
    @property
    def sides(self):
        return {2: 4, 3: 0}[self.value]
print(Shape("sq"), Shape.CIRCLE.sides, [s.name for s in Shape], Shape.__members__)
class Weekday(IntEnum):
    MON = 1
    TUE = auto()
print(Weekday.TUE, Weekday.TUE.value, Weekday(2) is Weekday.TUE, Weekday.MON * 10, {Weekday.MON: "m"}[Weekday.MON])
try:
    del Color.RED
except AttributeError as e:
    print(e)
try:
    class Bad(IntEnum):
        X = "x"
except ValueError as e:
    print(e)
