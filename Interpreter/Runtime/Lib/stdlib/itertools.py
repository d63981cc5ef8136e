"""Iterator building blocks (Lbbv's itertools, written for Lbbv: CPython's behaviour, reprs and
error messages for what is here)."""

import sys as _sys

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement", "compress", "count",
    "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations", "product",
    "repeat", "starmap", "takewhile", "tee", "zip_longest",
]


def _check_number(value):
    if not isinstance(value, (int, float)):
        raise TypeError("a number is required")


class _Iterator:
    def __iter__(self):
        return self


class count(_Iterator):
    def __init__(self, start=0, step=1):
        _check_number(start)
        _check_number(step)
        self._value = start
        self._step = step

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return "count(%r)" % (self._value,)
        return "count(%r, %r)" % (self._value, self._step)


class cycle(_Iterator):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = -1

    def __next__(self):
        if self._index < 0:
            for value in self._it:
                self._saved.append(value)
                return value
            if not self._saved:
                raise StopIteration
            self._index = 0
        value = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return value


class repeat(_Iterator):
    def __init__(self, object, times=None):
        self._object = object
        if times is not None and not isinstance(times, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(times).__name__)
        self._times = None if times is None else max(times, 0)

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._object,)
        return "repeat(%r, %d)" % (self._object, self._times)


def _add(a, b):
    return a + b


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = _add if func is None else func
        self._total = initial
        self._started = initial is not None
        self._pending_initial = initial is not None

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        value = next(self._it)
        if not self._started:
            self._started = True
            self._total = value
        else:
            self._total = self._func(self._total, value)
        return self._total


class chain(_Iterator):
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._current = None

    @classmethod
    def from_iterable(cls, iterables):
        result = cls()
        result._sources = iter(iterables)
        return result

    def __next__(self):
        while True:
            if self._current is None:
                self._current = iter(next(self._sources))
            for value in self._current:
                return value
            self._current = None


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            value = next(self._data)
            if next(self._selectors):
                return value


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        if self._dropping:
            for value in self._it:
                if not self._predicate(value):
                    self._dropping = False
                    return value
            raise StopIteration
        return next(self._it)


class takewhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._predicate = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        value = next(self._it)
        if self._predicate(value):
            return value
        self._done = True
        raise StopIteration


class filterfalse(_Iterator):
    def __init__(self, function, iterable):
        self._function = bool if function is None else function
        self._it = iter(iterable)

    def __next__(self):
        while True:
            value = next(self._it)
            if not self._function(value):
                return value


class _Grouper(_Iterator):
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        parent = self._parent
        if parent._current_group is not self:
            raise StopIteration
        if parent._pending is _MARKER:
            parent._advance()
            if parent._pending is _MARKER:
                raise StopIteration
        if parent._pending_key != self._key:
            raise StopIteration
        value = parent._pending
        parent._pending = _MARKER
        return value


_MARKER = object()


class groupby(_Iterator):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._pending = _MARKER
        self._pending_key = None
        self._current_group = None
        self._current_key = _MARKER

    def _advance(self):
        for value in self._it:
            self._pending = value
            self._pending_key = value if self._keyfunc is None else self._keyfunc(value)
            return
        self._pending = _MARKER

    def __next__(self):
        while True:
            if self._pending is _MARKER:
                self._advance()
                if self._pending is _MARKER:
                    self._current_group = None
                    raise StopIteration
            if self._current_key is _MARKER or self._pending_key != self._current_key:
                break
            self._pending = _MARKER
        self._current_key = self._pending_key
        self._current_group = _Grouper(self, self._current_key)
        return (self._current_key, self._current_group)


def _islice_index(value, name):
    if value is None:
        return None
    if isinstance(value, int) and 0 <= value <= _sys.maxsize:
        return value
    if name == "stop":
        raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")


class islice(_Iterator):
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = 0, _islice_index(args[0], "stop"), 1
        elif len(args) in (2, 3):
            start = _islice_index(args[0], "start") or 0
            stop = _islice_index(args[1], "index")
            step = 1 if len(args) == 2 or args[2] is None else args[2]
            if not isinstance(step, int) or step <= 0:
                raise ValueError("Step for islice() must be a positive integer or None.")
        else:
            raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1)
                            if args else "islice expected at least 2 arguments, got 1")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._index = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if self._stop is not None and self._next >= self._stop:
            self._it = None
            raise StopIteration
        while self._index < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._index += 1
        try:
            value = next(it)
        except StopIteration:
            self._it = None
            raise
        self._index += 1
        self._next += self._step
        if self._stop is not None and self._next > self._stop:
            self._next = self._stop
        return value


class pairwise(_Iterator):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._last = _MARKER

    def __next__(self):
        if self._last is _MARKER:
            self._last = next(self._it)
        value = next(self._it)
        pair = (self._last, value)
        self._last = value
        return pair


class starmap(_Iterator):
    def __init__(self, function, iterable):
        self._function = function
        self._it = iter(iterable)

    def __next__(self):
        return self._function(*next(self._it))


class zip_longest(_Iterator):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        values = []
        for i, it in enumerate(self._its):
            if it is None:
                values.append(self._fill)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                self._its[i] = None
                self._active -= 1
                if self._active == 0:
                    raise
                values.append(self._fill)
        return tuple(values)


class _TeeData:
    def __init__(self, iterable):
        self.it = iter(iterable)
        self.values = []
        self.offset = 0


class _tee(_Iterator):
    __qualname__ = "_tee"

    def __init__(self, data):
        self._data = data
        self._index = data.offset + len(data.values)

    def __next__(self):
        data = self._data
        position = self._index - data.offset
        if position < len(data.values):
            value = data.values[position]
        else:
            value = next(data.it)
            data.values.append(value)
        self._index += 1
        return value


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    data = _TeeData(iterable)
    result = []
    for _ in range(n):
        t = _tee(data)
        t._index = 0
        result.append(t)
    return tuple(result)


def _pools(iterables, repeat):
    pools = [tuple(pool) for pool in iterables]
    return pools * repeat


class product(_Iterator):
    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(repeat).__name__)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        self._pools = _pools(iterables, repeat)
        self._indices = None

    def __next__(self):
        pools = self._pools
        if self._indices is None:
            for pool in pools:
                if not pool:
                    self._pools = None
                    raise StopIteration
            self._indices = [0] * len(pools)
            return tuple(pool[0] for pool in pools)
        if pools is None:
            raise StopIteration
        indices = self._indices
        i = len(pools) - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            self._pools = None
            raise StopIteration
        return tuple(pools[k][indices[k]] for k in range(len(pools)))


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")


class permutations(_Iterator):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is not None:
            _check_r(r)
        self._pool = pool
        self._r = n if r is None else r
        self._indices = None
        self._cycles = None
        self._done = self._r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._indices is None:
            self._indices = list(range(n))
            self._cycles = list(range(n, n - r, -1))
            return tuple(pool[i] for i in self._indices[:r])
        indices, cycles = self._indices, self._cycles
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[k] for k in indices[:r])
        self._done = True
        raise StopIteration


class combinations(_Iterator):
    def __init__(self, iterable, r):
        _check_r(r)
        self._pool = tuple(iterable)
        self._r = r
        self._indices = None
        self._done = r > len(self._pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._indices is None:
            self._indices = list(range(r))
            return tuple(pool[i] for i in self._indices)
        indices = self._indices
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[k] for k in indices)


class combinations_with_replacement(_Iterator):
    def __init__(self, iterable, r):
        _check_r(r)
        self._pool = tuple(iterable)
        self._r = r
        self._indices = None
        self._done = not self._pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._indices is None:
            self._indices = [0] * r
            return tuple(pool[i] for i in self._indices)
        indices = self._indices
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[k] for k in indices)
