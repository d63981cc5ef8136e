# Found by the fuzzer (seed 404 of 0-4999; fails under the eager stress settings). A store that widens
# an instance slot's typed shape (c held floats, now None) runs through the interpreter's StoreAttr on
# a cold path that rejoins after the fast path's class-version guard. The compiler still counts the
# version as checked there, so what follows on that path goes unguarded: a global class or function
# read as a constant (rebound since) and a load of the widened slot typed by its old shape.
class K0:
    def __init__(self):
        self.c = 0.0
class K1:
    pass
def gA():
    return 'gA'
def gB():
    return 'gB'

G = K0
g = gA
def rebound(a):
    a.c = None
    return G.__name__ + ' ' + g()
for i in range(3):
    print(i, rebound(K0()))
    G = K1 if G is K0 else K0
    g = gB if g is gA else gA

def widened(a):
    a.c = None
    try:
        return a.c + 1.5
    except TypeError as e:
        return str(e)
print(widened(K0()), widened(K0()))

# The same with the slot widened to a str and to an int, and read twice.
class P:
    def __init__(self):
        self.x = 1.25
def twice(p, v):
    p.x = v
    return p.x * 2
for v in [2.5, 'ab', 3, None]:
    try:
        print(twice(P(), v))
    except TypeError as e:
        print(e)
