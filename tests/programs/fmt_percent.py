# %-formatting
print("%s" % "str", "%s" % 42, "%s" % 1.5, "%s" % None, "%s" % [1, "a"], "%r" % "r", "%a" % "é")
print("%d %i" % (3, -4), "%d" % 3.99, "%d" % True, "%5d|%-5d|%05d|%+5d" % (1, 2, 3, 4))
print("%f %.2f %10.3f|%-10.1f|%+.0f" % (1.5, 2.345, 3.14159, 2.5, 3.5))
print("%e %.2e %E" % (12345.678, 0.000123, 1e100))
print("%g %g %g %g %.3g %g" % (0.0001, 0.00001, 123456, 1234567, 3.14159, 100.0))
print("%x %X %#x %o %#o %08x" % (255, 255, 255, 8, 8, 48879))
print("%c%c%c" % (72, "i", 33), "%%d" % (), "100%%" % ())
print("%s-%s" % ("a", "b"), "%s" % ((1, 2),), "(%s)" % (1,))
print("%(x)s+%(y)s=%(z)05.1f" % {"x": 1, "y": 2, "z": 3.0})
print("%*d|%-*s|" % (5, 42, 4, "ab"), "%.*f" % (2, 3.14159))
print("%s %s" % (1e16, 1e-5), "%r" % 0.1, "%.15f" % 0.1, "%d" % (10 ** 20))
print("%10s|%-10s|%.2s" % ("hi", "hi", "hello"))
print("%x" % (2 ** 70), "%d" % -(2 ** 70), "%5.1f%%" % 99.55)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
rows = [("apple", 1.5, 3), ("banana", 0.25, 12)]
for name, price, qty in rows:
    print("%-8s %6.2f x %3d = %7.2f" % (name, price, qty, price * qty))
