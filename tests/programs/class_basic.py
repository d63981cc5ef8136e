# classes: __init__, methods, class attributes, instance attributes
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self):
        return self.name + " says woof"
    def birthday(self):
        self.age += 1
        return self
d1 = Dog("Rex", 3)
d2 = Dog("Fido")
print(d1.bark(), d2.bark(), d1.age, d2.age, Dog.count, d1.count)
print(d1.birthday().birthday().age)
print(d1.species, Dog.species, d2.species)
d1.species = "wolf"
print(d1.species, Dog.species, d2.species)
Dog.species = "canis lupus"
print(d1.species, Dog.species, d2.species)
d2.color = "brown"
print(d2.color, hasattr(d1, "color"), hasattr(d2, "color"))
print(type(d1), type(d1) is Dog, isinstance(d1, Dog), type(Dog))
m = d1.bark
print(m(), Dog.bark(d2))
class Empty:
    pass
e = Empty()
e.x = 1
e.x += 1
print(e.x)
class Counter:
    def __init__(self):
        self.n = 0
    def incr(self):
        self.n += 1
c = Counter()
for _ in range(1000):
    c.incr()
print(c.n)
try:
    d1.missing
except AttributeError as ex:
    print("AttributeError:", ex)
try:
    Dog()
except TypeError as ex:
    print("TypeError:", ex)
print(getattr(d1, "name"), getattr(d1, "nope", "default"))
setattr(d1, "name", "Max")
print(d1.name, d1.bark())
