# Builtin calls from machine code (a helper that calls the builtin without the interpreter's
# dispatch): results, exceptions caught in the same frame, and an uncaught one's traceback.
import math
def f(values):
    out = []
    for v in values:
        try:
            out.append((len(v), int(v[0]) if v else 0))
        except TypeError as e:
            out.append("TypeError: " + str(e))
        except ValueError as e:
            out.append("ValueError: " + str(e))
        out.append(isinstance(v, (list, str)))
        out.append(math.sqrt(abs(hash(len(str(v))) % 100)))
    return out
vals = [[1, 2], "7x", "", (3,), 5, [], "x", None]
for i in range(3):
    print(f(vals * 5)[:12])
def g(x):
    return int(x)
print(g("12"))
g("bad")
