# split, rsplit, join
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a b c d".rsplit())
print("".split(), "".split(","), "   ".split(), ",".split(","))
print("one::two::three".split("::"), "one::two::three".rsplit("::", 1))
print("x".split("x"), "xax".split("x"), "aXbXc".split("X", 0))
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join(("1", "2")), "|".join([]))
print("".join(str(i) for i in range(10)))
print("-".join("abc"), ", ".join(map(str, [1, 2, 3])))
words = "to be or not to be that is the question".split()
print(len(words), words[::-1])
print(" ".join(w.upper() for w in words if len(w) > 2))
lines = "line1\nline2\n\nline4".split("\n")
print(lines, len(lines))
print("a  b".split(" "), "  lead".split(" ", 1))
print("k=v;k2=v2".split(";"), [p.split("=") for p in "k=v;k2=v2".split(";")])
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
