"""Data classes (Lbbv's dataclasses, written for Lbbv): @dataclass with init, repr, eq, order,
unsafe_hash, frozen and kw_only; field(), fields(), asdict(), astuple(), replace(),
is_dataclass(), InitVar, KW_ONLY, FrozenInstanceError.

The generated __init__, comparisons and hash are compiled from source, as CPython's are, so their
signatures and argument errors are CPython's."""

from _lbbv import define as _define

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__, not stored."""

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return "dataclasses.InitVar[%s]" % name

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,"
                "compare=%r,metadata=%r,kw_only=%r,_field_type=%s)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare, self.metadata, self.kw_only, self._field_type))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Describes one field of a data class."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)"
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    typing = _typing()
    if typing is None:
        return False
    return annotation is typing.ClassVar or getattr(annotation, "__origin__", None) is typing.ClassVar


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("InitVar", "dataclasses.InitVar"))
    return annotation is InitVar or isinstance(annotation, InitVar)


def _is_kw_only(annotation):
    if isinstance(annotation, str):
        return annotation in ("KW_ONLY", "dataclasses.KW_ONLY")
    return annotation is KW_ONLY


def _typing():
    import typing
    return typing


def _get_field(cls, name, annotation, default_kw_only, own):
    default = own.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR) and f.default_factory is not MISSING:
        raise TypeError("field %s cannot have a default factory" % name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default is not MISSING and _unhashable(f.default):
        raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                         % (type(f.default), name))
    return f


def _unhashable(value):
    """CPython's `type(value).__hash__ is None` (Lbbv's builtin classes have no __hash__ attribute)."""
    try:
        hash(value)
    except TypeError:
        return True
    return False


def _tuple_str(obj_name, fields):
    if not fields:
        return "()"
    return "(%s,)" % ",".join("%s.%s" % (obj_name, f.name) for f in fields)


def _class_dict(cls):
    from _lbbv import class_dict
    return class_dict(cls)


def _make(name, qualname, source, namespace):
    _define(source, namespace, "<dataclass %s>" % qualname)
    fn = namespace[name]
    fn.__qualname__ = "%s.%s" % (qualname, name)
    return fn


def _init_fn(cls, fields, std_fields, kw_fields, frozen, has_post_init, globals_):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)
    namespace = {"__name__": globals_, "MISSING": MISSING, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
                 "__dataclass_builtins_object__": object}
    params = ["self"]

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default is not MISSING:
            namespace["__dataclass_dflt_%s__" % f.name] = f.default
            return "%s=__dataclass_dflt_%s__" % (f.name, f.name)
        return "%s=_HAS_DEFAULT_FACTORY" % f.name

    params.extend(param(f) for f in std_fields)
    if kw_fields:
        params.append("*")
        params.extend(param(f) for f in kw_fields)
    body = []
    for f in fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            namespace["__dataclass_dflt_%s__" % f.name] = f.default_factory
            if f.init:
                value = "__dataclass_dflt_%s__() if %s is _HAS_DEFAULT_FACTORY else %s" % (f.name, f.name, f.name)
            else:
                value = "__dataclass_dflt_%s__()" % f.name
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            namespace["__dataclass_dflt_%s__" % f.name] = f.default
            value = "__dataclass_dflt_%s__" % f.name
        else:
            continue
        if frozen:
            body.append("__dataclass_builtins_object__.__setattr__(self, %r, %s)" % (f.name, value))
        else:
            body.append("self.%s = %s" % (f.name, value))
    if has_post_init:
        initvars = ", ".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append("self.__post_init__(%s)" % initvars)
    if not body:
        body = ["pass"]
    source = "def __init__(%s):\n%s\n" % (", ".join(params), "\n".join("    " + line for line in body))
    return _make("__init__", cls.__qualname__, source, namespace)


_repr_running = set()


def _repr_fn(cls, fields):
    names = [f.name for f in fields]

    def __repr__(self):
        key = (id(self),)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            return self.__class__.__qualname__ + "(" + ", ".join(
                "%s=%r" % (name, getattr(self, name)) for name in names) + ")"
        finally:
            _repr_running.discard(key)

    __repr__.__qualname__ = "%s.__repr__" % cls.__qualname__
    return __repr__


def _cmp_fn(cls, name, op, fields):
    self_tuple = _tuple_str("self", fields)
    other_tuple = _tuple_str("other", fields)
    source = ("def %s(self, other):\n"
              "    if other.__class__ is self.__class__:\n"
              "        return %s %s %s\n"
              "    return NotImplemented\n" % (name, self_tuple, op, other_tuple))
    return _make(name, cls.__qualname__, source, {"__name__": cls.__module__})


def _hash_fn(cls, fields):
    source = "def __hash__(self):\n    return hash(%s)\n" % _tuple_str("self", fields)
    return _make("__hash__", cls.__qualname__, source, {"__name__": cls.__module__})


def _frozen_methods(cls, fields):
    names = tuple(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field %r" % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field %r" % (name,))
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = "%s.__setattr__" % cls.__qualname__
    __delattr__.__qualname__ = "%s.__delattr__" % cls.__qualname__
    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value, own):
    if name in own:
        return True
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    own = _class_dict(cls)
    fields = {}
    has_dataclass_bases = False
    all_frozen_bases = None
    any_frozen_base = False
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, "__dataclass_fields__", None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            base_frozen = base.__dataclass_params__.frozen
            any_frozen_base = any_frozen_base or base_frozen
            all_frozen_bases = all_frozen_bases and base_frozen

    annotations = own.get("__annotations__", {})
    cls_fields = []
    kw_only_now = kw_only
    for name, annotation in annotations.items():
        if _is_kw_only(annotation):
            kw_only_now = True
            continue
        cls_fields.append(_get_field(cls, name, annotation, kw_only_now, own))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(own.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in own.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation" % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if all_frozen_bases is False and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_init = [f for f in all_init_fields if f.init and f.kw_only]
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, "__post_init__")
        _set_new_attribute(cls, "__init__",
                           _init_fn(cls, all_init_fields, std_init, kw_init, frozen, has_post_init, cls.__module__), own)
    if repr:
        _set_new_attribute(cls, "__repr__", _repr_fn(cls, [f for f in field_list if f.repr]), own)
    compare_fields = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, "__eq__", _cmp_fn(cls, "__eq__", "==", compare_fields), own)
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if _set_new_attribute(cls, name, _cmp_fn(cls, name, op, compare_fields), own):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                                % (name, cls.__name__))
    if frozen:
        setter, deleter = _frozen_methods(cls, field_list)
        for name, fn in (("__setattr__", setter), ("__delattr__", deleter)):
            if _set_new_attribute(cls, name, fn, own):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))

    class_hash = own.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in own))
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
        cls.__hash__ = _hash_fn(cls, hash_fields)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _hash_fn(cls, hash_fields)
    elif eq and not has_explicit_hash:
        cls.__hash__ = None

    if not getattr(cls, "__doc__"):
        cls.__doc__ = cls.__name__ + _signature_text(std_init, kw_init)
    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple(f.name for f in std_init), own)
    return cls


def _annotation_text(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return "%s.%s" % (annotation.__module__, annotation.__qualname__)
    text = repr(annotation)
    if text.startswith("typing."):
        text = text.replace("typing.", "")
    return text


def _signature_text(std_fields, kw_fields):
    """The class's __init__ signature as inspect.signature writes it (CPython's default __doc__)."""
    def param(f):
        text = "%s: %s" % (f.name, _annotation_text(f.type))
        if f.default is not MISSING:
            text += " = %r" % (f.default,)
        elif f.default_factory is not MISSING:
            text += " = <factory>"
        return text
    parts = [param(f) for f in std_fields]
    if kw_fields:
        parts.append("*")
        parts.extend(param(f) for f in kw_fields)
    return "(%s)" % ", ".join(parts)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Adds __init__, __repr__, __eq__ (and, as asked, ordering, hashing, frozenness) to a class
    from its annotated fields."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, "__dataclass_fields__")
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursing into dataclasses and containers."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, lambda o, recurse: dict_factory([(f.name, recurse(getattr(o, f.name))) for f in fields(o)]))


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursing into dataclasses and containers."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, lambda o, recurse: tuple_factory([recurse(getattr(o, f.name)) for f in fields(o)]))


def _convert(obj, from_dataclass):
    """obj with every dataclass instance in it made by from_dataclass(instance, recurse), the
    containers rebuilt and everything else deep-copied (asdict and astuple)."""
    def recurse(o):
        if _is_dataclass_instance(o):
            return from_dataclass(o, recurse)
        if hasattr(type(o), "_fields") and hasattr(o, "_asdict"):
            return type(o)(*[recurse(v) for v in o])
        if isinstance(o, (list, tuple)):
            return type(o)(recurse(v) for v in o)
        if isinstance(o, dict):
            return type(o)((recurse(k), recurse(v)) for k, v in o.items())
        import copy
        return copy.deepcopy(o)
    return recurse(obj)


def replace(obj, /, **changes):
    """A new instance of obj's dataclass with the given fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, "__dataclass_fields__").values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    """A new dataclass named cls_name with the given fields (names, (name, type) or (name, type, field))."""
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            ns[name] = spec
        annotations[name] = tp
    ns["__annotations__"] = annotations
    ns.setdefault("__module__", "types")
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
