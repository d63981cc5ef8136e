# A module's global typed by its record while another module rebinds it through an attribute store
# (`m.x = v`), deletes it (`del m.x`), and writes it through globals() and setattr.
import _global_holder as h

out = []
for i in range(3000):
    if not isinstance(h.count, str):
        h.bump()
    if i == 1000:
        h.count = 2.5                       # int -> float from outside the module
    if i == 2000:
        h.count = "ab"                      # float -> str
    if i == 2500:
        h.count = 7                         # back to int: the record stays mixed
    if i % 250 == 0:
        t = h.total(40)
        out.append(len(t) if isinstance(t, str) else t)
print(out)

h.count = 3
print(h.total(500))
h.put("count", 1.25)
print(h.total(500))
setattr(h, "scale", "x")
h.count = 2
print(h.total(3))
del h.count
try:
    h.total(5)
except NameError as e:
    print("NameError:", e)
h.count = 10**20
h.scale = 3
print(h.total(300))
