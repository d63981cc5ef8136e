# str operators + * in % and comparisons
a = "abc"
b = "abd"
print(a + b, a * 3, 3 * a, a * 0, a * -1, "-" * 10)
print("b" in a, "bc" in a, "" in a, "x" not in a, "ac" in a)
print(a < b, a > b, a == "abc", a != "abc", a <= "abc", "Z" < "a", "abc" < "abcd", "" < "a")
print("é" > "z", "apple" < "banana", "Apple" < "apple")
print(sorted(["pear", "Apple", "banana", "apple", "Banana", "é", "z"]))
print(max("hello"), min("hello"), max(["aa", "b", "ab"]))
print("%d items" % 5, "%s and %s" % ("x", "y"), "%5.2f|" % 3.14159, "%-5d|" % 42, "%05d" % 42)
print("%x %X %o %e %g" % (255, 255, 8, 12345.678, 0.00001234))
print("%r %s" % ("q", "q"), "%%" % (), "%c" % 65, "%+d %+d" % (5, -5))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%10s|%-10s|" % ("right", "left"), "%.3s" % "abcdef")
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (None, True))
print("%i %u" % (7, 8), "%.0f %.1f" % (2.5, 0.05), "%g %g %g" % (1e20, 123456789.0, 0.5))
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
s2 = "x"
s2 *= 3
s2 += "y"
print(s2)
print("abc" == "abc", str(5) + "5", "5" * 2)
print(len(""), len(" "), len("\n\t"))
print("ab" "cd" == "abcd")
