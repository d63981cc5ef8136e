# @staticmethod, @classmethod
class Temp:
    unit = "C"
    instances = 0
    def __init__(self, deg):
        self.deg = deg
        Temp.instances += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.unit
    def show(self):
        return str(round(self.deg, 2)) + self.unit
class Kelvinish(Temp):
    unit = "K?"
print(Temp.c_to_f(100), Temp(0).c_to_f(-40))
t = Temp.from_f(212)
print(t.show(), type(t).__name__)
k = Kelvinish.from_f(32)
print(k.show(), type(k).__name__, isinstance(k, Temp))
print(Temp.describe(), Kelvinish.describe(), k.describe())
print(Temp.instances)
class Registry:
    items = []
    @classmethod
    def register(cls, x):
        cls.items.append(x)
        return len(cls.items)
    @staticmethod
    def helper(a, b=2):
        return a * b
print(Registry.register("a"), Registry.register("b"), Registry.items)
print(Registry.helper(3), Registry().helper(3, 3))
