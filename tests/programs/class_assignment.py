# obj.__class__ = C: CPython's object_set_class. The instance keeps its attributes and takes the
# new class's methods; compiled code that saw the old class must see the new one. Assigning a
# non-class, a builtin class, or deleting __class__ raises TypeError with CPython's messages.
class A:
    kind = 'A'
    def __init__(self, x):
        self.x = x
        self.y = 'y'
    def who(self):
        return 'A' + str(self.x)

class B:
    kind = 'B'
    def who(self):
        return 'B' + str(self.x) + self.y

class B2(B):
    def who(self):
        return 'B2:' + super().who()

def run(objs, n):
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        out.append(o.who() + o.kind)
        if i == n // 2:
            objs[0].__class__ = B
        if i == n - 3:
            objs[1].__class__ = B2
    return out

objs = [A(1), A(2.5)]
print(run(objs, 40)[-6:])
print(type(objs[0]).__name__, type(objs[1]).__name__, objs[0].x, objs[1].y, isinstance(objs[1], B))
o = objs[1]
o.__class__ = A
o.z = 3
print(o.who(), o.z, vars(o))
o.__class__ = B
print(o.who(), o.z, sorted(vars(o)))
setattr(o, '__class__', A)
print(type(o).__name__)
object.__setattr__(o, '__class__', B2)
print(type(o).__name__, o.who())
for v in [5, int, object, type, A]:
    try:
        o.__class__ = v
        print('ok', type(o).__name__)
    except TypeError as e:
        print('TypeError', e)
try:
    del o.__class__
except TypeError as e:
    print('TypeError', e)
try:
    (1).__class__ = bool
except TypeError as e:
    print('TypeError', e)
