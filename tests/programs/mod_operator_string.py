# operator and string.
import operator
import string
from operator import attrgetter, itemgetter, methodcaller

print(operator.add(1, 2), operator.mul("a", 3), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2),
      operator.mod(7, 3), operator.pow(2, 10), operator.lshift(1, 4), operator.and_(6, 3), operator.or_(6, 3),
      operator.xor(6, 3), operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.getitem([1, 2, 3], 1), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1),
      operator.indexOf("abc", "c"), operator.index(7), operator.concat([1], [2]), operator.length_hint([1, 2]))
lst = [1, 2, 3]
operator.setitem(lst, 0, 9)
operator.delitem(lst, 1)
print(lst, operator.iadd([1], [2]), operator.iconcat("a", "b"))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter(slice(1, None))("hello"))


class P:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct


p = P("outer", P("inner"))
print(attrgetter("name")(p), attrgetter("child.name", "name")(p), methodcaller("greet", "hi")(p),
      methodcaller("greet", "yo", punct="?")(p))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(attrgetter("a.b")), repr(methodcaller("f", 1, k=2)))
try:
    itemgetter()
except TypeError as e:
    print(e)
try:
    operator.index(1.5)
except TypeError as e:
    print(e)
print(repr(string.whitespace), string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), len(string.printable), string.ascii_lowercase, string.ascii_uppercase)
print(string.capwords("  hello   world  "), string.capwords("a-b c", "-"), string.capwords("ÉCOLE  d'été"))
