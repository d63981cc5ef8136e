"""Container datatypes (Lbbv's collections, written for Lbbv): deque (C#), defaultdict, Counter,
OrderedDict, namedtuple, ChainMap.

Lbbv cannot yet subclass builtin types, so defaultdict, Counter and OrderedDict wrap a dict
instead of deriving from it, and a namedtuple class wraps a tuple: they behave as CPython's do
(methods, reprs, equality, hashing, `dict(x)`, `**x`, unpacking), except that isinstance() with
dict or tuple is False and C code that wants a real dict or tuple (`'%s' % nt`, json) sees an
ordinary object.
"""

import sys as _sys
from operator import itemgetter as _itemgetter
from _collections import deque
from _lbbv import define as _define, caller_module as _caller_module, set_fields as _set_fields
from keyword import iskeyword as _iskeyword

__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList", "defaultdict", "deque", "namedtuple"]


class _DictWrapper:
    """The mapping interface over self._data, a dict (what deriving from dict would give)."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            missing = getattr(type(self), "__missing__", None)
            if missing is None:
                raise
        return missing(self, key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, *args):
        return self._data.pop(*args)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got %d" % len(args))
        if args:
            other = args[0]
            if isinstance(other, _DictWrapper):
                other = other._data
            self._data.update(other)
        if kwargs:
            self._data.update(kwargs)

    def __eq__(self, other):
        if isinstance(other, _DictWrapper):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictWrapper)):
            return NotImplemented
        result = self.__class__()
        result.update(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self

    def __copy__(self):
        return self.copy()


class defaultdict(_DictWrapper):
    """A dict whose missing keys get default_factory() (when it is not None)."""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _DictWrapper.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        factory = self.default_factory
        return "defaultdict(%s, %r)" % ("None" if factory is None else repr(factory), self._data)


class Counter(_DictWrapper):
    """A dict of counts: missing keys count zero."""

    def __init__(self, iterable=None, /, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        items = sorted(self._data.items(), key=_itemgetter(1), reverse=True)
        return items if n is None else items[:max(n, 0)]

    def elements(self):
        for elem, count in self._data.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, (dict, _DictWrapper)):
                for elem, count in iterable.items():
                    data[elem] = count + data.get(elem, 0)
            else:
                for elem in iterable:
                    data[elem] = data.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        data = self._data
        if iterable is not None:
            if isinstance(iterable, (dict, _DictWrapper)):
                for elem, count in iterable.items():
                    data[elem] = data.get(elem, 0) - count
            else:
                for elem in iterable:
                    data[elem] = data.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    def __delitem__(self, elem):
        if elem in self._data:
            del self._data[elem]

    def __repr__(self):
        if not self._data:
            return "Counter()"
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._data)
        return "Counter(%r)" % (d,)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def _combine(self, other, combine, only_other):
        """The positive counts of combine(count, other's count) for self's elements and of
        only_other(other's count) for the elements only other has (none when it is None)."""
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = combine(count, other[elem])
            if newcount > 0:
                result[elem] = newcount
        if only_other is not None:
            for elem, count in other.items():
                if elem not in self:
                    newcount = only_other(count)
                    if newcount > 0:
                        result[elem] = newcount
        return result

    def __add__(self, other):
        return self._combine(other, lambda a, b: a + b, lambda b: b)

    def __sub__(self, other):
        return self._combine(other, lambda a, b: a - b, lambda b: 0 - b)

    def __or__(self, other):
        return self._combine(other, lambda a, b: b if a < b else a, lambda b: b)

    def __and__(self, other):
        return self._combine(other, lambda a, b: a if a < b else b, None)

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self._data.items() if not c > 0]:
            del self._data[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


class _OrderedView:
    """odict_keys / odict_values / odict_items: a live view with CPython's repr."""

    def __init__(self, view, name):
        self._view = view
        self._name = name

    def __len__(self):
        return len(self._view)

    def __iter__(self):
        return iter(self._view)

    def __reversed__(self):
        return reversed(self._view)

    def __contains__(self, item):
        return item in self._view

    def __repr__(self):
        return "%s(%r)" % (self._name, list(self._view))

    def __eq__(self, other):
        if isinstance(other, _OrderedView):
            other = other._view
        return self._view == other

    def __and__(self, other):
        return self._view & other

    def __or__(self, other):
        return self._view | other

    def __sub__(self, other):
        return self._view - other

    def __xor__(self, other):
        return self._view ^ other


class OrderedDict(_DictWrapper):
    """A dict that remembers insertion order and can reorder (move_to_end, popitem(last=False))."""

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        key = next(reversed(self._data)) if last else next(iter(self._data))
        return key, self._data.pop(key)

    def keys(self):
        return _OrderedView(self._data.keys(), "odict_keys")

    def values(self):
        return _OrderedView(self._data.values(), "odict_values")

    def items(self):
        return _OrderedView(self._data.items(), "odict_items")

    def copy(self):
        return OrderedDict(self._data)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._data == other._data and list(self._data) == list(other._data)
        return _DictWrapper.__eq__(self, other)

    def __repr__(self):
        if not self._data:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self._data.items()),)


class ChainMap(_DictWrapper):
    """Several mappings searched in order; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    def __eq__(self, other):
        return dict(self.items()) == (dict(other.items()) if hasattr(other, "items") else other)

    def __repr__(self):
        return "%s(%s)" % (self.__class__.__name__, ", ".join(map(repr, self.maps)))


class UserDict(_DictWrapper):
    """A dict wrapper meant to be subclassed (its data is self.data)."""

    def __init__(self, dict=None, /, **kwargs):
        self._data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    @property
    def data(self):
        return self._data

    def copy(self):
        result = self.__class__()
        result.update(self._data)
        return result

    def __repr__(self):
        return repr(self._data)


class UserList:
    """A list wrapper meant to be subclassed (its data is self.data)."""

    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __contains__(self, item):
        return item in self.data

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserList) else other)

    def __lt__(self, other):
        return self.data < (other.data if isinstance(other, UserList) else other)

    def __add__(self, other):
        return self.__class__(self.data + (other.data if isinstance(other, UserList) else list(other)))

    def append(self, item):
        self.data.append(item)

    def extend(self, other):
        self.data.extend(other)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def count(self, item):
        return self.data.count(item)

    def reverse(self):
        self.data.reverse()

    def sort(self, *args, **kwds):
        self.data.sort(*args, **kwds)

    def copy(self):
        return self.__class__(self)

    def clear(self):
        self.data.clear()


# ---------------------------------------------------------------- namedtuple

class _tuplegetter:
    """The class attribute of a namedtuple field (instances keep each field as an attribute)."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __repr__(self):
        return "_tuplegetter(%d, %r)" % (self._index, self.__doc__)


class _NamedTupleBase:
    """What a namedtuple class shares: the tuple protocol over self._tuple (each field is also an
    instance attribute, for fast access)."""

    def __setattr__(self, name, value):
        if name in type(self)._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __delattr__(self, name):
        if name in type(self)._fields:
            raise AttributeError("can't delete attribute")
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __repr__(self):
        return self.__class__.__name__ + "(" + ", ".join(
            "%s=%r" % (name, value) for name, value in zip(self._fields, self._tuple)) + ")"

    def __len__(self):
        return len(self._tuple)

    def __iter__(self):
        return iter(self._tuple)

    def __reversed__(self):
        return reversed(self._tuple)

    def __getitem__(self, index):
        return self._tuple[index]

    def __contains__(self, item):
        return item in self._tuple

    def __hash__(self):
        return hash(self._tuple)

    def __eq__(self, other):
        if isinstance(other, _NamedTupleBase):
            return self._tuple == other._tuple
        if isinstance(other, tuple):
            return self._tuple == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        other = _as_tuple(other)
        return NotImplemented if other is None else self._tuple < other

    def __le__(self, other):
        other = _as_tuple(other)
        return NotImplemented if other is None else self._tuple <= other

    def __gt__(self, other):
        other = _as_tuple(other)
        return NotImplemented if other is None else self._tuple > other

    def __ge__(self, other):
        other = _as_tuple(other)
        return NotImplemented if other is None else self._tuple >= other

    def __add__(self, other):
        other = _as_tuple(other)
        if other is None:
            return NotImplemented
        return self._tuple + other

    def __radd__(self, other):
        other = _as_tuple(other)
        if other is None:
            return NotImplemented
        return other + self._tuple

    def __mul__(self, n):
        return self._tuple * n

    __rmul__ = __mul__

    def count(self, value):
        return self._tuple.count(value)

    def index(self, value, *args):
        return self._tuple.index(value, *args)

    def __getnewargs__(self):
        return self._tuple

    def _asdict(self):
        return dict(zip(self._fields, self._tuple))

    def _replace(self, **kwds):
        values = list(self._tuple)
        fields = self._fields
        for name, value in kwds.items():
            if name not in fields:
                raise ValueError("Got unexpected field names: %r" % list(kwds))
            values[fields.index(name)] = value
        return type(self)(*values)


def _as_tuple(value):
    if isinstance(value, _NamedTupleBase):
        return value._tuple
    if isinstance(value, tuple):
        return value
    return None


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class whose instances are tuples with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_") or name in seen):
                field_names[index] = "_%d" % index
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a keyword: %r" % name)
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    fields = tuple(field_names)
    arg_list = ", ".join(fields)
    if len(fields) == 1:
        arg_list += ","
    # The constructor is generated, as CPython's __new__ is, so that its signature and argument
    # errors are exactly CPython's ("P.__new__() missing 1 required positional argument: 'y'").
    source = "def __init__(self, %s):\n    _set_fields(self, _names, (%s, (%s)))\n" % (
        ", ".join(fields), ", ".join(fields), arg_list)
    namespace = {"_set_fields": _set_fields, "_names": fields + ("_tuple",), "__name__": "namedtuple_%s" % typename}
    _define(source, namespace, "<namedtuple %s>" % typename)
    init = namespace["__init__"]
    init.__qualname__ = typename + ".__new__"
    if defaults:
        init.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError("Expected %d arguments, got %d" % (len(cls._fields), len(values)))
        return cls(*values)

    class_namespace = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__module__": module if module is not None else _caller_module(1),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__init__": init,
        "_make": _make,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = _tuplegetter(index, "Alias for field number %d" % index)
    return type(typename, (_NamedTupleBase,), class_namespace)
