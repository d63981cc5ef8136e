# single inheritance, super(), method overriding, isinstance/issubclass
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "Woof"
class Puppy(Dog):
    def __init__(self, name, toy):
        super().__init__(name)
        self.toy = toy
    def speak(self):
        return super().speak() + " (squeaky " + self.toy + ")"
class Cat(Animal):
    kind = "cat"
    def __init__(self, name, lives=9):
        Animal.__init__(self, name)
        self.lives = lives
    def speak(self):
        return "Meow"
animals = [Animal("Generic"), Dog("Rex"), Puppy("Bit", "bone"), Cat("Tom")]
for a in animals:
    print(a.describe())
p = animals[2]
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat), isinstance(p, object))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(Dog, object))
print(isinstance(p, (Cat, Dog)), issubclass(Cat, (Dog, Animal)))
print(animals[3].lives, p.toy, p.name)
print(type(p), type(p).__name__, Puppy.__name__)
class Base:
    def template(self):
        return "[" + self.hook() + "]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(4).area())
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class A:
    def __init__(self):
        self.trace = ["A"]
class B(A):
    def __init__(self):
        super().__init__()
        self.trace.append("B")
class C(B):
    def __init__(self):
        super().__init__()
        self.trace.append("C")
print(C().trace)
