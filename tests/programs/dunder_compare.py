# __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __hash__
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def key(self):
        return (self.major, self.minor)
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.key() == other.key()
    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r
    def __lt__(self, other):
        return self.key() < other.key()
    def __le__(self, other):
        return self.key() <= other.key()
    def __gt__(self, other):
        return self.key() > other.key()
    def __ge__(self, other):
        return self.key() >= other.key()
    def __hash__(self):
        return hash(self.key())
    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)
a = Version(1, 2)
b = Version(1, 10)
c = Version(1, 2)
print(a == c, a != c, a == b, a != b, a < b, a <= c, a > b, b >= a, a is c)
print(a == "1.2", a != "1.2")
vs = [Version(2, 0), Version(1, 5), Version(1, 10), Version(0, 9)]
print(sorted(vs), max(vs), min(vs))
print(hash(a) == hash(c), len({a, b, c}), {a: "x"}[c])
print(a in [b, c], vs.index(Version(1, 10)), vs.count(Version(2, 0)))
class OnlyLt:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return "L" + str(self.n)
xs = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(xs), OnlyLt(5) > OnlyLt(4))
class NoEq:
    pass
n1 = NoEq()
n2 = NoEq()
print(n1 == n1, n1 == n2, n1 != n2)
try:
    print(OnlyLt(1) <= OnlyLt(2))
except TypeError as e:
    print("TypeError:", e)
class EqNoHash:
    def __eq__(self, other):
        return True
try:
    print({EqNoHash()})
except TypeError as e:
    print("TypeError:", e)
