# __repr__ and __str__
class Both:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Both(" + repr(self.v) + ")"
    def __str__(self):
        return "<" + str(self.v) + ">"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "just str"
b = Both("x")
print(b, str(b), repr(b), [b], (b,), {"k": b})
r = ReprOnly()
print(r, str(r), repr(r), [r])
s = StrOnly()
print(s, str(s))
print(repr(s).startswith("<__main__.StrOnly object at "))
print(f"{b} {b!r} {r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
class Tree:
    def __init__(self, val, kids=None):
        self.val = val
        self.kids = kids or []
    def __repr__(self):
        if not self.kids:
            return "T(" + str(self.val) + ")"
        return "T(" + str(self.val) + ", " + repr(self.kids) + ")"
print(Tree(1, [Tree(2), Tree(3, [Tree(4)])]))
class Sub(Both):
    def __str__(self):
        return "sub:" + super().__str__()
print(Sub(5), repr(Sub(5)))
