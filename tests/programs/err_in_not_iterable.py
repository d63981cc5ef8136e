# `x in obj` when obj supports neither __contains__, iteration nor __getitem__: CPython names the
# container ("argument of type 'K' is not iterable"), for an instance as for a builtin. Found by the
# fuzzer (an instance said "'K' object is not iterable").
class K:
    pass
class E(Exception):
    pass
class C:
    def __contains__(self, x):
        return x == 1
class G:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i * 10
class I:
    def __iter__(self):
        return iter([4, 5])
for container in [K(), E('x'), 5, 2**70, 1.5, None, len, K, C(), G(), I(), 'abc', [1], {1: 2}]:
    for x in [1, 10, 5, 'a']:
        try:
            print(type(container).__name__, x, x in container, x not in container)
        except TypeError as e:
            print(type(container).__name__, x, e)
