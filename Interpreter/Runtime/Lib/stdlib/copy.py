"""Shallow and deep copies (Lbbv's copy, written for Lbbv): copy() and deepcopy() with
CPython's protocol: __copy__/__deepcopy__, __reduce_ex__/__reduce__, __getstate__/__setstate__,
and a memo dict that keeps shared and recursive structure."""

from _lbbv import new_instance as _new_instance

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _atomic(x, memo=None):
    return x


def _function():
    pass


_ATOMIC = {type(None), int, float, bool, str, type, range, type(_function), type(len),
           type(Ellipsis), type(NotImplemented), property, slice}

_copy_dispatch = {t: _atomic for t in _ATOMIC}
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy
_copy_dispatch[tuple] = _atomic
_copy_dispatch[frozenset] = _atomic


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: what it contains is copied too, shared parts once (memo: id -> copy)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for value in x:
        y.add(deepcopy(value, memo))
    return y


def _deepcopy_frozenset(x, memo):
    return frozenset(deepcopy(list(x), memo))


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _atomic for t in _ATOMIC}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_frozenset


def _newobj(cls, *args):
    return _new_instance(cls)


def _user_method(cls, name):
    """A method the class (not object) defines."""
    method = getattr(cls, name, None)
    if method is None or method is getattr(object, name, None):
        return None
    return method


def _reduce(x):
    """What __reduce_ex__(4) returns: (callable, args[, state[, listitems[, dictitems]]]) or a str."""
    cls = type(x)
    reductor = _user_method(cls, "__reduce_ex__")
    if reductor is not None:
        return reductor(x, 4)
    reductor = _user_method(cls, "__reduce__")
    if reductor is not None:
        return reductor(x)
    if isinstance(x, BaseException):
        return (cls, x.args)
    try:
        instance_dict = x.__dict__
    except AttributeError:
        raise TypeError("cannot pickle %r object" % cls.__name__) from None
    getstate = _user_method(cls, "__getstate__")
    state = getstate(x) if getstate is not None else (instance_dict or None)
    return (_newobj, (cls,), state)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                for key, value in state.items():
                    object.__setattr__(y, key, value)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
