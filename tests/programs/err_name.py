# uncaught NameError
def f():
    return x + 1
print("calling f")
print(f())
