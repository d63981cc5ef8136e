# Annotations are evaluated and stored in __annotations__ at module and class level (not in
# functions), in source order, names mangled, parenthesized and attribute targets not stored.
from typing import List, Optional

count: int = 0
label: str


class Config:
    name: str = "cfg"
    sizes: List[int]
    parent: Optional["Config"] = None
    __secret: int = 1
    (paren): int = 2
    if True:
        nested: float = 1.5
    for _i in range(1):
        looped: bool = True

    def method(self):
        local: int = 5
        self.attr: str = "x"
        return local


print(__annotations__)
print(Config.__annotations__)
print(Config.name, Config.parent, Config._Config__secret, Config.paren, Config.nested, Config().method())
print("label" in dir() if False else "", "sizes" in Config.__annotations__, hasattr(Config, "sizes"))


class Empty:
    x = 1


print(hasattr(Empty, "__annotations__"))
evaluated = []


def note(value):
    evaluated.append(value)
    return value


class Order:
    a: note("first") = note("value a")
    b: note("second")


print(evaluated, Order.__annotations__)


class Derived(Config):
    extra: int = 3


class Plain(Config):
    pass


print(Derived.__annotations__, Plain.__annotations__, Empty.__annotations__)
