import gc
import sys

mode = sys.argv[1]
if mode != "automatic":
    gc.disable()
garbage = 0
for i in range(300000):
    garbage += len([i, i, i, i])
if mode == "explicit":
    gc.collect()
    gc.collect()
print(garbage, gc.isenabled())
