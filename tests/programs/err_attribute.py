# uncaught AttributeError on a user class instance
class Foo:
    def __init__(self):
        self.count = 1
f = Foo()
print(f.count)
print(f.bar)
