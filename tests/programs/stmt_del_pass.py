# del and pass
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[-1]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class O:
    pass
o = O()
o.attr = 1
o.other = 2
del o.attr
print(hasattr(o, "attr"), hasattr(o, "other"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
print("deleted")
def f():
    local = 1
    del local
    try:
        return local
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
def noop():
    pass
class Nothing:
    pass
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
print(noop(), type(Nothing()).__name__, i)
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
y = 10
def g():
    global y
    del y
g()
try:
    y
except NameError as e:
    print("NameError:", e)
