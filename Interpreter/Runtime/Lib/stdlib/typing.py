"""Type hints (Lbbv's typing, written for Lbbv): the names, with CPython's reprs and subscription,
as no-ops at run time (no checking). Generic and Protocol work as base classes; NamedTuple and
TypedDict make what CPython's do."""

import collections as _collections
import collections.abc as _abc
from _lbbv import caller_module as _caller_module

__all__ = [
    "Any", "Callable", "ClassVar", "Final", "Generic", "Literal", "Optional", "Protocol", "Tuple",
    "Type", "TypeVar", "Union", "AbstractSet", "ByteString", "Container", "Collection", "Hashable",
    "ItemsView", "Iterable", "Iterator", "KeysView", "Mapping", "MappingView", "MutableMapping",
    "MutableSequence", "MutableSet", "Sequence", "Sized", "ValuesView", "Awaitable", "AsyncIterator",
    "AsyncIterable", "Coroutine", "AsyncGenerator", "Reversible", "Counter", "Deque", "Dict",
    "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple", "TypedDict", "Generator",
    "NoReturn", "Never", "Self", "Text", "TYPE_CHECKING", "cast", "final", "get_args", "get_origin",
    "no_type_check", "overload", "runtime_checkable", "NewType", "Annotated", "TypeAlias",
]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return "..."
    return repr(obj)


def _tuple(params):
    return params if isinstance(params, tuple) else (params,)


class ForwardRef:
    """A type given as a string, inside a subscripted generic."""

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        self.__forward_arg__ = arg

    def __repr__(self):
        return "ForwardRef(%r)" % (self.__forward_arg__,)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _arg(a):
    return ForwardRef(a) if isinstance(a, str) else a


class _Final:
    """Typing objects are not meant to be subclassed or instantiated."""

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate %r" % (self,))


class _SpecialForm(_Final):
    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate %r" % (self,))

    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % (self,))


class _AnyMeta(type):
    def __repr__(cls):
        return "typing.Any"

    def __instancecheck__(cls, obj):
        raise TypeError("typing.Any cannot be used with isinstance()")


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __init__(self, *args, **kwargs):
        raise TypeError("Any cannot be instantiated")


class _GenericAlias(_Final):
    """A subscripted generic: List[int], Dict[str, int], Box[T]."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = tuple(_arg(a) for a in _tuple(args)) if name != "Literal" else _tuple(args)
        self._name = name

    def __repr__(self):
        if self._name is not None:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if self.__args__ == ():
            return head + "[()]"
        return "%s[%s]" % (head, ", ".join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name is not None:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__.lower()))
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is Ellipsis:
            return "typing.Callable[..., %s]" % _type_repr(args[1])
        return "typing.Callable[[%s], %s]" % (", ".join(_type_repr(a) for a in args[:-1]), _type_repr(args[-1]))


class _SpecialGenericAlias(_Final):
    """An unsubscripted generic (List, Dict): acts as its origin for isinstance and calls."""

    def __init__(self, origin, name, nparams):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        params = _tuple(params)
        if self._name == "Callable":
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is Ellipsis:
                return _CallableGenericAlias(self.__origin__, (Ellipsis, result), self._name)
            return _CallableGenericAlias(self.__origin__, tuple(args) + (result,), self._name)
        if self._name == "Tuple":
            return _GenericAlias(self.__origin__, params, self._name)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ("many" if len(params) > self._nparams else "few", self, len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError("Type %s cannot be instantiated; use %s() instead"
                        % (self._name, self.__origin__.__name__.lower()))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


List = _SpecialGenericAlias(list, "List", 1)
Dict = _SpecialGenericAlias(dict, "Dict", 2)
Set = _SpecialGenericAlias(set, "Set", 1)
FrozenSet = _SpecialGenericAlias(frozenset, "FrozenSet", 1)
Tuple = _SpecialGenericAlias(tuple, "Tuple", -1)
Type = _SpecialGenericAlias(type, "Type", 1)
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, "DefaultDict", 2)
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, "OrderedDict", 2)
Counter = _SpecialGenericAlias(_collections.Counter, "Counter", 1)
Deque = _SpecialGenericAlias(_collections.deque, "Deque", 1)
ChainMap = _SpecialGenericAlias(_collections.ChainMap, "ChainMap", 2)
Callable = _SpecialGenericAlias(_abc.Callable, "Callable", 2)
Hashable = _SpecialGenericAlias(_abc.Hashable, "Hashable", 0)
Sized = _SpecialGenericAlias(_abc.Sized, "Sized", 0)
Awaitable = _SpecialGenericAlias(_abc.Awaitable, "Awaitable", 1)
Coroutine = _SpecialGenericAlias(_abc.Coroutine, "Coroutine", 3)
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, "AsyncIterable", 1)
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, "AsyncIterator", 1)
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, "AsyncGenerator", 2)
Iterable = _SpecialGenericAlias(_abc.Iterable, "Iterable", 1)
Iterator = _SpecialGenericAlias(_abc.Iterator, "Iterator", 1)
Reversible = _SpecialGenericAlias(_abc.Reversible, "Reversible", 1)
Generator = _SpecialGenericAlias(_abc.Generator, "Generator", 3)
Container = _SpecialGenericAlias(_abc.Container, "Container", 1)
Collection = _SpecialGenericAlias(_abc.Collection, "Collection", 1)
AbstractSet = _SpecialGenericAlias(_abc.Set, "AbstractSet", 1)
MutableSet = _SpecialGenericAlias(_abc.MutableSet, "MutableSet", 1)
Mapping = _SpecialGenericAlias(_abc.Mapping, "Mapping", 2)
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, "MutableMapping", 2)
Sequence = _SpecialGenericAlias(_abc.Sequence, "Sequence", 1)
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, "MutableSequence", 1)
ByteString = _SpecialGenericAlias(_abc.ByteString, "ByteString", 0)
MappingView = _SpecialGenericAlias(_abc.MappingView, "MappingView", 1)
KeysView = _SpecialGenericAlias(_abc.KeysView, "KeysView", 1)
ItemsView = _SpecialGenericAlias(_abc.ItemsView, "ItemsView", 2)
ValuesView = _SpecialGenericAlias(_abc.ValuesView, "ValuesView", 1)
Text = str


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[1] if args[0] is type(None) else args[0]
            return "typing.Optional[%s]" % _type_repr(other)
        return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))


def _union(form, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in _tuple(parameters):
        if p is None:
            p = type(None)
        p = _arg(p)
        if isinstance(p, _UnionGenericAlias):
            candidates = p.__args__
        else:
            candidates = (p,)
        for c in candidates:
            if c not in flat:
                flat.append(c)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(Union, tuple(flat), "Union")


def _optional(form, parameter):
    return Union[parameter, None]


def _single(form, parameter):
    return _GenericAlias(form, (parameter,), form._name)


def _literal(form, parameters):
    return _GenericAlias(form, _tuple(parameters), "Literal")


def _annotated(form, parameters):
    parameters = _tuple(parameters)
    if len(parameters) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    return parameters[0]


def _no_params(form, parameters):
    raise TypeError("%r is not subscriptable" % (form,))


Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
ClassVar = _SpecialForm("ClassVar", _single)
Final = _SpecialForm("Final", _single)
Literal = _SpecialForm("Literal", _literal)
Annotated = _SpecialForm("Annotated", _annotated)
NoReturn = _SpecialForm("NoReturn", _no_params)
Never = _SpecialForm("Never", _no_params)
Self = _SpecialForm("Self", _no_params)
TypeAlias = _SpecialForm("TypeAlias", _no_params)


class TypeVar(_Final):
    """A type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
        self.__module__ = _caller_module(1)

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


class Generic:
    """The base of generic classes: class Box(Generic[T])."""

    def __class_getitem__(cls, params):
        return _GenericAlias(cls, params, "Generic" if cls is Generic else None)


class Protocol(Generic):
    """The base of protocol classes (structural typing is not checked at run time)."""


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. A series of @typing.overload-decorated "
            "functions outside a stub module should always be followed by an implementation that "
            "is not @typing.overload-ed.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args and args[0] is Ellipsis:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()


class NewType:
    """NewType('UserId', int): a callable returning its argument."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = _caller_module(1)

    def __repr__(self):
        return "%s.%s" % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get("_is_entry"):
            return type.__new__(cls, typename, bases, ns)
        annotations = ns.get("__annotations__", {})
        fields = list(annotations)
        defaults = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (name, "s" if len(defaults) > 1 else "", ", ".join(fields[:len(defaults)])))
        result = _collections.namedtuple(typename, fields, defaults=defaults, module=ns["__module__"])
        result.__annotations__ = dict(annotations)
        for key, value in ns.items():
            if key not in fields and key not in ("__module__", "__qualname__", "__annotations__", "__doc__"):
                setattr(result, key, value)
        return result


def NamedTuple(typename, fields=None, /, **kwargs):
    """NamedTuple('P', [('x', int)]), or a class deriving from NamedTuple with annotated fields."""
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    result = _collections.namedtuple(typename, [n for n, t in fields], module=_caller_module(1))
    result.__annotations__ = dict(fields)
    return result


class _NamedTupleEntry(metaclass=_NamedTupleMeta):
    _is_entry = True


def _namedtuple_mro_entries(bases):
    return (_NamedTupleEntry,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """TypedDict('TD', {'a': int}): calling it makes a plain dict."""
    if fields is None:
        fields = kwargs
    ns = {"__annotations__": dict(fields), "__total__": total, "__module__": _caller_module(1)}
    return _TypedDictMeta(typename, (), ns)


class _TypedDictEntry(metaclass=_TypedDictMeta):
    pass


def _typeddict_mro_entries(bases):
    return (_TypedDictEntry,)


TypedDict.__mro_entries__ = _typeddict_mro_entries
