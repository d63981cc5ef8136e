# typing: the names, subscription and reprs, Generic, NamedTuple, TypedDict, cast, overload.
import typing as t
T = t.TypeVar('T'); U = t.TypeVar('U', covariant=True)
print(repr(T), repr(U), repr(t.List), repr(t.List[int]), repr(t.Dict[str, t.List[int]]), repr(t.Optional[int]), repr(t.Union[int, str]), repr(t.Union[int, None]), repr(t.Union[int]), repr(t.Any), repr(t.Callable[[int], str]), repr(t.Callable[..., int]), repr(t.Tuple[int, ...]), repr(t.Tuple[()]), repr(t.ClassVar[int]), repr(t.Literal[1, 'a']), repr(t.Iterable[int]), repr(t.Type[int]), repr(t.Generic[T]))
print(t.List[int] == t.List[int], t.Optional[int] == t.Union[int, None], t.cast(int, 'x'), isinstance([], t.List), issubclass(list, t.Sequence), t.TYPE_CHECKING)
class Box(t.Generic[T]):
    def __init__(self, v): self.v = v
print(Box.__mro__, repr(Box[int]), Box(3).v, Box[int](4).v)
class P(t.NamedTuple):
    x: int
    y: str = 'a'
print(P(1), P._fields, P.__annotations__ if hasattr(P,'__annotations__') else '')
try: t.List[int]()
except TypeError as e: print(e)
print(t.List[int].__origin__, t.List[int].__args__, t.Optional[int].__args__)
try: isinstance([], t.List[int])
except TypeError as e: print(e)
try: t.Any()
except TypeError as e: print(e)
P2 = t.NamedTuple('P2', [('a', int)]); print(P2(1))
TD = t.TypedDict('TD', {'a': int}); print(TD(a=1), type(TD(a=1)))
@t.overload
def f(x: int) -> int: ...
def f(x): return x
print(f(2), t.get_origin(t.List[int]), t.get_args(t.Dict[str,int]))
print(repr(t.Union[int, t.Union[str, float]]), repr(t.Optional[t.Union[int, str]]))
from typing import Iterable, List, Optional
class W:
    a: List[int]
    b: Optional["W"] = None
print(W.__annotations__)
