"""Enumerations (Lbbv's enum, written for Lbbv): Enum, IntEnum, StrEnum, auto and unique, with
CPython 3.11's behaviour (members, aliases, lookup by value and name, iteration, reprs and
errors).

Lbbv cannot yet subclass builtin types: IntEnum and StrEnum members are not int or str instances
(isinstance(member, int) is false) but compare, hash, format and compute as their values do.
Flag and IntFlag are not provided yet.
"""

from _lbbv import new_instance as _new_instance, caller_module as _caller_module

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "auto", "unique"]


class auto:
    """Instances are replaced by an automatically chosen value (_generate_next_value_)."""

    def __init__(self, value=None):
        self.value = _auto_null if value is None else value


_auto_null = object()


class _MappingProxy:
    """The read-only view __members__ returns (types.MappingProxyType's reprs)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def __repr__(self):
        return "mappingproxy(%r)" % (self._data,)

    def __str__(self):
        return str(self._data)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name,)
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


def _is_descriptor(obj):
    return isinstance(obj, (type(_is_descriptor), classmethod, staticmethod, property)) or (
        hasattr(type(obj), "__get__") or hasattr(type(obj), "__set__") or hasattr(type(obj), "__delete__"))


class EnumType(type):
    """The metaclass of enumerations: makes the members when the class is created."""

    def __init__(cls, name, bases, classdict, **kwds):
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._unhashable_values_ = []
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (name, base))
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        last_values = []
        for key, value in list(classdict.items()):
            if (_is_dunder(key) or _is_sunder(key) or _is_private(name, key) or key in ignore
                    or _is_descriptor(value)):
                continue
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(key, 1, len(cls._member_names_), last_values[:])
                value = value.value
            last_values.append(value)
            cls._add_member(key, value)

    def _add_member(cls, name, value):
        if name in cls._member_map_:
            raise TypeError("%r already defined as %r" % (name, cls._member_map_[name]))
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                cls._member_map_[name] = existing  # an alias
                type.__setattr__(cls, name, existing)
                return
        member = _new_instance(cls)
        object.__setattr__(member, "_value_", cls._value_of_member(value))
        object.__setattr__(member, "_name_", name)
        init = cls.__init__
        if init is not Enum.__init__:
            init(member, *(value if isinstance(value, tuple) else (value,)))
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_[member._value_] = member
        except TypeError:
            cls._unhashable_values_.append(member._value_)
        type.__setattr__(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls.__new_member_lookup(value)
        return cls._create_(value, names, module=module if module is not None else _caller_module(1), start=start)

    def __new_member_lookup(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                            % (cls.__name__, result))
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def _create_(cls, class_name, names, *, module=None, start=1):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            names = [(name, start + i) for i, name in enumerate(names)]
        elif isinstance(names, dict):
            names = list(names.items())
        body = {}
        for item in names:
            name, value = item if not isinstance(item, str) else (item, names[item])
            body[name] = value
        body["__module__"] = module
        body["__qualname__"] = class_name
        return EnumType(class_name, (cls,), body)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def __members__(cls):
        return _MappingProxy(dict(cls._member_map_))

    def __repr__(cls):
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        if name in _member_map(cls):
            raise AttributeError("cannot reassign member %r" % (name,))
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name):
        if name in _member_map(cls):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        type.__delattr__(cls, name)


def _member_map(cls):
    return getattr(cls, "_member_map_", {})


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """The base of enumerations: class Color(Enum): RED = 1."""

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last_value in reversed(last_values):
            try:
                return last_value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _ValueDelegate(Enum):
    """Members that behave as their values (IntEnum, StrEnum without builtin subclassing)."""

    def __eq__(self, other):
        if isinstance(other, Enum):
            other = other._value_
        return self._value_ == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < (other._value_ if isinstance(other, Enum) else other)

    def __le__(self, other):
        return self._value_ <= (other._value_ if isinstance(other, Enum) else other)

    def __gt__(self, other):
        return self._value_ > (other._value_ if isinstance(other, Enum) else other)

    def __ge__(self, other):
        return self._value_ >= (other._value_ if isinstance(other, Enum) else other)

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __len__(self):
        return len(self._value_)

    def __getitem__(self, index):
        return self._value_[index]

    def __iter__(self):
        return iter(self._value_)

    def __contains__(self, item):
        return item in self._value_


def _value(x):
    return x._value_ if isinstance(x, Enum) else x


class IntEnum(_ValueDelegate):
    """An Enum whose members compute as ints."""

    @classmethod
    def _value_of_member(cls, value):
        if not isinstance(value, int):
            raise ValueError("invalid literal for int() with base 10: %r" % (value,))
        return value

    def __int__(self): return self._value_
    def __index__(self): return self._value_
    def __float__(self): return float(self._value_)
    def __bool__(self): return bool(self._value_)
    def __neg__(self): return -self._value_
    def __pos__(self): return +self._value_
    def __abs__(self): return abs(self._value_)
    def __invert__(self): return ~self._value_
    def __add__(self, other): return self._value_ + _value(other)
    def __radd__(self, other): return _value(other) + self._value_
    def __sub__(self, other): return self._value_ - _value(other)
    def __rsub__(self, other): return _value(other) - self._value_
    def __mul__(self, other): return self._value_ * _value(other)
    def __rmul__(self, other): return _value(other) * self._value_
    def __truediv__(self, other): return self._value_ / _value(other)
    def __rtruediv__(self, other): return _value(other) / self._value_
    def __floordiv__(self, other): return self._value_ // _value(other)
    def __rfloordiv__(self, other): return _value(other) // self._value_
    def __mod__(self, other): return self._value_ % _value(other)
    def __rmod__(self, other): return _value(other) % self._value_
    def __pow__(self, other): return self._value_ ** _value(other)
    def __rpow__(self, other): return _value(other) ** self._value_
    def __and__(self, other): return self._value_ & _value(other)
    def __rand__(self, other): return _value(other) & self._value_
    def __or__(self, other): return self._value_ | _value(other)
    def __ror__(self, other): return _value(other) | self._value_
    def __xor__(self, other): return self._value_ ^ _value(other)
    def __rxor__(self, other): return _value(other) ^ self._value_
    def __lshift__(self, other): return self._value_ << _value(other)
    def __rshift__(self, other): return self._value_ >> _value(other)


class StrEnum(_ValueDelegate):
    """An Enum whose members behave as strs (auto() gives the lowercased name)."""

    @classmethod
    def _value_of_member(cls, value):
        if not isinstance(value, str):
            raise TypeError("%r is not a string" % (value,))
        return value

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __add__(self, other): return self._value_ + _value(other)
    def __radd__(self, other): return _value(other) + self._value_

    def __getattr__(self, name):
        return getattr(self._value_, name)


@classmethod
def _plain_value(cls, value):
    return value


Enum._value_of_member = _plain_value


def unique(enumeration):
    """A class decorator that raises ValueError when an enumeration has aliases."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
