# building larger strings: concatenation in loops, join, repetition, slicing
s = ""
for i in range(2000):
    s += chr(97 + i % 26)
print(len(s), s[:30], s[-5:], s.count("abc"))
parts = []
for i in range(1000):
    parts.append(str(i * i))
joined = ",".join(parts)
print(len(joined), joined[:40], joined[-20:])
back = joined.split(",")
print(len(back), back[500], sum(int(p) for p in back[:10]))
line = "-=" * 30
print(line, len(line))
text = ("lorem ipsum dolor sit amet " * 50).strip()
words = text.split(" ")
print(len(words), len(set(words)), text.count("o"), text.find("amet", 100), text.rfind("lorem"))
table = []
for i in range(5):
    table.append("|".join(str(i * j).rjust(3) for j in range(6)))
print("\n".join(table))
rev = ""
for ch in "stressed":
    rev = ch + rev
print(rev)
acc = "x"
for i in range(12):
    acc = acc + acc
print(len(acc))
u = "é∑" * 500 + "end"
print(len(u), u[997:], u.find("end"), u[::250])
csv = "\n".join(",".join(str((r * 31 + c * 17) % 100) for c in range(8)) for r in range(50))
total = 0
for row in csv.split("\n"):
    for cell in row.split(","):
        total += int(cell)
print(total, len(csv))
