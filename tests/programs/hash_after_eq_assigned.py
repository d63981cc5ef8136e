# Whether instances are hashable is settled when the class is made: a class statement or type() call
# that defines __eq__ without __hash__ gets __hash__ = None; assigning __eq__ (or __hash__) to the
# class later changes only what is assigned (fuzz seed 82037: a later `K0.__eq__ = ...` made the
# instances of K0's subclasses unhashable).
class K0:
    pass
class K1(K0):
    pass
class K3(K1):
    def __init__(self, a):
        self.a = a

def hashable(x):
    try:
        {x: 1}
        return True
    except TypeError as e:
        return str(e)

k = K3(1)
print(hashable(k), hashable(K0()))
K0.__eq__ = K1.__eq__
print(hashable(k), hashable(K0()), hashable(K1()))
K0.__eq__ = lambda self, other: True
print(hashable(k), k == K3(2), hashable(K0()))
class E:
    def __eq__(self, other):
        return True
print(hashable(E()))
E.__hash__ = lambda self: 7
print(hashable(E()), hash(E()))
T = type('T', (), {'__eq__': lambda s, o: False})
print(hashable(T()))
U = type('U', (K0,), {})
print(hashable(U()))
class H:
    __hash__ = None
class HSub(H):
    pass
print(hashable(H()), hashable(HSub()))
