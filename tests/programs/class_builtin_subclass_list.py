class OC(list):
    def first(self):
        return self[0]

o = OC()
o.append(3); o.append(1); o.append(2)
print(o, len(o), o[1], o.first(), type(o).__name__, isinstance(o, list), isinstance(o, OC))
for x in o: print(x, end=' ')
print()
o.sort(); print(o, o == [1, 2, 3], [1, 2, 3] == o, 2 in o, o[-1], o[0:2], type(o[0:2]).__name__)
o.remove(2); print(o, o.pop(), o)
o += [7, 8]; print(o, type(o).__name__)
print(o + [9], type(o + [9]).__name__, [0] + o)
o.name = "n"; print(o.name, bool(o), bool(OC()))
print(OC([4, 5, 6]), OC("ab"), sorted(OC([3, 1])), list(OC((1, 2))))
class Stack(list):
    def __init__(self, *items):
        super().__init__(items)
        self.top = items[-1] if items else None
    def push(self, x):
        list.append(self, x)
        self.top = x
    def __getitem__(self, i):
        return ('item', super().__getitem__(i))
    def __repr__(self):
        return 'Stack(' + super().__repr__() + ')'
s = Stack(1, 2)
s.push(3)
print(s, s.top, s[0], len(s), list(s))
try: hash(o)
except TypeError as e: print(e)
