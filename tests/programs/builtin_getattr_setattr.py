# getattr, setattr, hasattr on instances, classes and modules
import math
class Config:
    debug = False
    def __init__(self):
        self.level = 1
    def describe(self):
        return "level " + str(self.level)
c = Config()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "fallback"), getattr(Config, "debug"))
print(hasattr(c, "level"), hasattr(c, "nope"), hasattr(Config, "describe"), hasattr(c, "describe"))
setattr(c, "level", 5)
setattr(c, "new_attr", [1, 2])
print(c.level, c.new_attr, getattr(c, "describe")())
setattr(Config, "debug", True)
print(c.debug, Config().debug)
for name in ["alpha", "beta", "gamma"]:
    setattr(c, name, len(name))
print([getattr(c, n) for n in ["alpha", "beta", "gamma"]])
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(math, "pi"), hasattr(math, "sqrt"), hasattr(math, "nonexistent"), getattr(math, "floor")(2.7))
print(getattr("abc", "upper")(), getattr([3, 1, 2], "count")(1), hasattr("s", "join"))
class Dyn:
    pass
d = Dyn()
for i in range(5):
    setattr(d, "f" + str(i), i * i)
print(sum(getattr(d, "f" + str(i)) for i in range(5)))
print(getattr(d, "f2"), d.f3)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
