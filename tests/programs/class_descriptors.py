# User descriptors: __get__/__set__/__delete__ on a class attribute, data vs non-data priority.
class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be int, got {type(value).__name__}')
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('deleting', self.name)
        delattr(obj, self.name)

class Lazy:
    """A non-data descriptor: computes once, then the instance attribute shadows it."""
    total_calls = 0
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        Lazy.total_calls += 1
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value

class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y
    @Lazy
    def norm(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p.x, p.y, p.norm, p.norm, Lazy.total_calls, isinstance(Point.x, Typed))
try:
    p.x = 'a'
except TypeError as e:
    print(e)
del p.y
print(p.y, sorted(vars(p)))

class Const:
    def __get__(self, obj, objtype=None):
        return ('const', objtype.__name__)

class Holder:
    c = Const()
h = Holder()
print(h.c, Holder.c)
h.c = 'shadow'
print(h.c, Holder.c)

def total(points):
    t = 0
    for q in points:
        t += q.x + q.y
    return t
pts = [Point(i, i + 1) for i in range(50)]
print(sum(total(pts) for _ in range(40)))

class Counter:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class Watched:
    n = Counter()
w = Watched()
print([w.n for _ in range(5)])
