# global statement and module-level state
counter = 0
items = []
def bump():
    global counter
    counter += 1
    return counter
def add_item(x):
    items.append(x)
def reset():
    global counter, items
    counter = 0
    items = []
for _ in range(5):
    bump()
add_item("a")
print(counter, items)
reset()
print(counter, items)
def make_new_global():
    global created_later
    created_later = "yes"
make_new_global()
print(created_later)
x = "module"
def shadow():
    x = "local"
    return x
def read_global():
    return x
print(shadow(), read_global(), x)
def rebind():
    global x
    x = "rebound"
rebind()
print(x)
def use_before():
    return y_defined_after
y_defined_after = 17
print(use_before())
total = 0
for i in range(1000):
    total += i
print(total)
def loop_global():
    global total
    for i in range(100):
        total -= i
loop_global()
print(total)
