# f-strings with conversions and format specs
name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2:5d} {n:<5}| {n:^6}| {n:>4}|")
print(f"{pi:.2f} {pi:10.3f}| {pi:e} {pi:g} {-pi:+.1f}")
print(f"{name!r} {name!s} {name!a} {'é'!a} {items!r}")
print(f"{n:x} {n:o} {n:b} {n:#06x} {n:08b}")
print(f"{1234567:,} {1234567.891:,.2f} {0.25:.1%}")
print(f"{'nested'} {'{'}{'}'} {{braces}}")
print(f"{len(items)} items, sum={sum(items)}, first={items[0]}")
width = 10
prec = 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]")
d = {"a": 1}
print(f"{d['a']} {d}")
print(f"{n if n > 40 else -n} {[x * 2 for x in items]}")
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __str__(self):
        return f"<P {self.x}>"
p = P("q")
print(f"{p} {p!r} {p.x}")
print(f"{None} {True} {False:d} {1e16} {0.1 + 0.2} {-0.0}")
print(f"{'abc':*<7}{'xyz':_>7}")
print(f"{3:3}|{'3':3}|{3.0:6}|")
print(f"{n:d}", f"{pi:.1f}")
multi = (f"a{1}"
         f"b{2}")
print(multi)
