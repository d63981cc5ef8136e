"""With `from __future__ import annotations` annotations are stored as strings, never evaluated."""
from __future__ import annotations

import __future__


class Tree:
    left: Tree | None
    right: Optional[Tree] = None
    value: Dict[str, List[int]]
    weights: tuple[int, ...] = ()
    fn: Callable[[int, str], bool]
    lit: Literal["a", 'b', 3, -1.5, None]
    expr: (a + b) * c ** -d
    call: f(x, *y, k=1, **z)
    cond: a if b else c
    logic: not a and b or c
    attr: x.y.z
    sub: a[1:2, ::3]
    empty: a[()]
    single: a[b,]
    sets: {1, 2}
    dicts: {"k": v}
    lam: lambda x, y=1, *a, z, **k: x
    cmp: a < b <= c
    number: 1 .real
    big: 10 ** 100
    __hidden: int


for name, text in Tree.__annotations__.items():
    print(name, repr(text))
print(Tree.right, Tree.weights, __future__.annotations, __future__.annotations.mandatory)


def f(x: Undefined) -> AlsoUndefined:
    return x


print(f(1))
