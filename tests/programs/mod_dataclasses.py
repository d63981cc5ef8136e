# dataclasses: init/repr/eq/order/frozen, field(), InitVar, ClassVar, inheritance, asdict/astuple/replace.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, FrozenInstanceError, InitVar
from typing import List, ClassVar
@dataclass
class A:
    x: int
    y: List[int] = field(default_factory=list)
    z: str = 'a'
    k: ClassVar[int] = 5
print(A(1), A(1, [2]), A(1) == A(1), A(1) == A(2), A.__doc__, A.z, A.k, [f.name for f in fields(A)])
try: A()
except TypeError as e: print(e)
try: A(1, 2, 3, 4)
except TypeError as e: print(e)
@dataclass(order=True, frozen=True)
class P:
    a: int
    b: float = 0.5
p = P(1)
print(p, p < P(2), sorted([P(3), P(1, 0.1)]), hash(p) == hash(P(1, 0.5)), replace(p, b=2.0), asdict(p), astuple(p))
try: p.a = 5
except FrozenInstanceError as e: print(type(e).__name__, e)
@dataclass
class C:
    v: int
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.v *= scale
print(C(3), C(3, 10))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(e)
@dataclass
class D(A):
    w: int = 0
print(D(1, [], 'b', 9), hash(A) is not None)
@dataclass(eq=False)
class E:
    q: int
print(E(1) == E(1), E(1))
@dataclass
class Node:
    val: int
    kids: list = field(default_factory=list)
    hidden: int = field(default=0, repr=False, compare=False)
n = Node(1, [Node(2)])
print(n, asdict(n), n == Node(1, [Node(2)], hidden=5), fields(n)[2].repr)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1), K(b=3, a=4))
try:
    K(1)
except TypeError as e:
    print(e)
@dataclass(frozen=True)
class Pt:
    x: float
    y: float = 0.0
    def norm2(self):
        return self.x * self.x + self.y * self.y
pt = Pt(3.0, 4.0)
print(pt.norm2(), {pt: "set"}[Pt(3.0, 4.0)], replace(pt, y=0.0))
try:
    del pt.x
except FrozenInstanceError as e:
    print(e)
try:
    @dataclass
    class NoAnn:
        x = field(default=1)
except TypeError as e:
    print(e)
