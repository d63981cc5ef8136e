# gc: collect, enable, disable, isenabled (the counts collect() returns differ between VMs).
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
garbage = [[i] * 10 for i in range(100000)]
del garbage
print(type(gc.collect()) is int, gc.collect() >= 0)
gc.enable()
print(gc.isenabled())
try:
    gc.enable(1)
except TypeError as e:
    print(e)


class Cycle:
    def __init__(self):
        self.me = self


for _ in range(10000):
    Cycle()
gc.collect()
print("done")
