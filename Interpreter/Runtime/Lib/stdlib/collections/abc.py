"""Abstract base classes for containers (Lbbv's collections.abc, written for Lbbv): usable with
isinstance/issubclass (for builtin types too) and as bases providing the mixin methods."""

from abc import ABCMeta, abstractmethod
from _lbbv import class_dict as _class_dict

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable",
    "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable", "Collection",
    "Set", "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView", "ItemsView",
    "ValuesView", "Sequence", "MutableSequence", "ByteString",
]

def _function():
    pass


# The dunders builtin classes provide, as their __dict__ would show them to __subclasshook__
# (Lbbv's builtin classes dispatch them internally instead). None: defined as None (unhashable).
def _builtin_methods():
    iterator = {"__iter__": 1, "__next__": 1}
    collection = {"__iter__": 1, "__len__": 1, "__contains__": 1}
    hashable = {"__hash__": 1}
    table = {
        object: {"__hash__": 1},
        list: dict(collection, __reversed__=1, __hash__=None),
        tuple: dict(collection, **hashable),
        str: dict(collection, **hashable),
        range: dict(collection, __reversed__=1, **hashable),
        dict: dict(collection, __reversed__=1, __hash__=None),
        set: dict(collection, __hash__=None),
        frozenset: dict(collection, **hashable),
        type({}.keys()): dict(collection, __reversed__=1, __hash__=None),
        type({}.values()): {"__iter__": 1, "__len__": 1, "__reversed__": 1, "__hash__": None},
        type({}.items()): dict(collection, __reversed__=1, __hash__=None),
        type: {"__call__": 1, "__hash__": 1},
        int: hashable, float: hashable, bool: hashable, type(None): hashable,
        type(len): {"__call__": 1, "__hash__": 1},
        type(_function): {"__call__": 1, "__hash__": 1},
    }
    generator = type(x for x in ())
    table[generator] = dict(iterator, send=1, throw=1, close=1)
    for sample in (iter([]), iter(()), iter(""), iter(range(0)), iter({}), iter({}.values()),
                   iter({}.items()), iter(set()), reversed([]), map(len, ()), filter(None, ()),
                   zip(), enumerate(()), iter(int, 1)):
        table[type(sample)] = iterator
    return table


_BUILTIN_METHODS = _builtin_methods()


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            known = _BUILTIN_METHODS.get(B)
            entries = known if known is not None else _class_dict(B)
            if method in entries:
                if entries[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class _GenericAlias:
    """`Iterator[int]`: the class subscripted, as in annotations."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        return "%s[%s]" % (_type_repr(self.__origin__), ", ".join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return "..."
    if isinstance(obj, list):
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


def _hook(abc, *methods):
    """abc's __subclasshook__: a class with all of methods (and none of them None) is a subclass;
    subclasses of abc fall back to the usual checks."""
    def __subclasshook__(cls, C):
        if cls is abc:
            return _check_methods(C, *methods)
        return NotImplemented
    return classmethod(__subclasshook__)


def _class_getitem(cls, item):
    return _GenericAlias(cls, item)


class Hashable(metaclass=ABCMeta):
    @abstractmethod
    def __hash__(self):
        return 0


class Awaitable(metaclass=ABCMeta):
    @abstractmethod
    def __await__(self):
        yield


    __class_getitem__ = classmethod(_class_getitem)


def _send(self, value):
    raise StopIteration


def _throw(self, typ, val=None, tb=None):
    raise typ if val is None else val


def _closer(kind):
    """close() of a generator or coroutine: throw GeneratorExit in, which it must not survive."""
    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError(kind + " ignored GeneratorExit")
    return close


class Coroutine(Awaitable):
    send = abstractmethod(_send)
    throw = abstractmethod(_throw)
    close = _closer("coroutine")


class AsyncIterable(metaclass=ABCMeta):
    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()


    __class_getitem__ = classmethod(_class_getitem)


class AsyncIterator(AsyncIterable):
    @abstractmethod
    def __anext__(self):  # `async def` in CPython (Lbbv has no coroutines yet)
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    pass


class Iterable(metaclass=ABCMeta):
    @abstractmethod
    def __iter__(self):
        while False:
            yield None


    __class_getitem__ = classmethod(_class_getitem)


class Iterator(Iterable):
    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    @abstractmethod
    def __reversed__(self):
        while False:
            yield None


class Generator(Iterator):
    def __next__(self):
        return self.send(None)

    send = abstractmethod(_send)
    throw = abstractmethod(_throw)
    close = _closer("generator")


class Sized(metaclass=ABCMeta):
    @abstractmethod
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    @abstractmethod
    def __contains__(self, x):
        return False


    __class_getitem__ = classmethod(_class_getitem)


# Lbbv has no multiple inheritance yet: an ABC with several bases in CPython derives here from
# the first one and takes the others' methods (mixins and abstract ones), and issubclass() knows
# it as a subclass of them all (the other bases list it among their subclasses).
_NOT_COPIED = {"__subclasshook__", "__abstractmethods__", "__dict__", "__module__", "__qualname__", "__doc__"}


def _mix(cls, *others):
    own = _class_dict(cls)
    abstracts = set(cls.__abstractmethods__)
    for other in others:
        for name, value in _class_dict(other).items():
            if name in _NOT_COPIED or name.startswith("_abc_") or name in own:
                continue
            setattr(cls, name, value)
            own[name] = value
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
        for base in other.__mro__:
            if isinstance(base, ABCMeta) and cls not in base._abc_subclasses:
                base._abc_subclasses.append(cls)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class Collection(Sized):
    pass


_mix(Collection, Iterable, Container)


class Callable(metaclass=ABCMeta):
    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


    __class_getitem__ = classmethod(_class_getitem)


class Set(Collection):
    """A finite, iterable container with the set operators (given __contains__, __iter__, __len__)."""

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        return hash(frozenset(self))


class MutableSet(Set):
    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class Mapping(Collection):
    """A read-only mapping: given __getitem__, __iter__ and __len__, the rest of dict's reading API."""

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "{0.__class__.__name__}({0._mapping!r})".format(self)

    __class_getitem__ = classmethod(_class_getitem)


class KeysView(MappingView):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


_mix(KeysView, Set)


class ItemsView(MappingView):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


_mix(ItemsView, Set)


class ValuesView(MappingView):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


_mix(ValuesView, Collection)


class MutableMapping(Mapping):
    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    __marker = object()

    def pop(self, key, default=__marker):
        try:
            value = self[key]
        except KeyError:
            if default is self.__marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible):
    """A read-only sequence: given __getitem__ and __len__, iteration, `in`, index and count."""

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


_mix(Sequence, Collection)


class ByteString(Sequence):
    pass


class MutableSequence(Sequence):
    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# The structural checks (CPython's __subclasshook__ methods).
Hashable.__subclasshook__ = _hook(Hashable, "__hash__")
Awaitable.__subclasshook__ = _hook(Awaitable, "__await__")
Coroutine.__subclasshook__ = _hook(Coroutine, "__await__", "send", "throw", "close")
AsyncIterable.__subclasshook__ = _hook(AsyncIterable, "__aiter__")
AsyncIterator.__subclasshook__ = _hook(AsyncIterator, "__anext__", "__aiter__")
AsyncGenerator.__subclasshook__ = _hook(AsyncGenerator, "__aiter__", "__anext__", "asend", "athrow", "aclose")
Iterable.__subclasshook__ = _hook(Iterable, "__iter__")
Iterator.__subclasshook__ = _hook(Iterator, "__iter__", "__next__")
Reversible.__subclasshook__ = _hook(Reversible, "__reversed__", "__iter__")
Generator.__subclasshook__ = _hook(Generator, "__iter__", "__next__", "send", "throw", "close")
Sized.__subclasshook__ = _hook(Sized, "__len__")
Container.__subclasshook__ = _hook(Container, "__contains__")
Collection.__subclasshook__ = _hook(Collection, "__len__", "__iter__", "__contains__")
Callable.__subclasshook__ = _hook(Callable, "__call__")

# Builtin types registered as CPython's _collections_abc does.
Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
MutableSequence.register(list)
Set.register(frozenset)
MutableSet.register(set)
MutableMapping.register(dict)
KeysView.register(type({}.keys()))
ValuesView.register(type({}.values()))
ItemsView.register(type({}.items()))
Generator.register(type(x for x in ()))
