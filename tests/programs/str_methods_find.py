# find rfind index count
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("dog"), s.rfind("dog"))
print(s.find("at", 5, 10), s.find(""), s.rfind(""), s.find("t", -5))
print(s.index("cat"), s.index("at", 6), s.rfind("at"))
print(s.count("the"), s.count("at"), s.count("a"), s.count(""), "aaaa".count("aa"), s.count("t", 10, 20))
print("ünï".find("ï"), "ünïünï".rfind("ü"), "abcabc".index("c"))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
pos = []
i = s.find("at")
while i != -1:
    pos.append(i)
    i = s.find("at", i + 1)
print(pos)
print([w for w in s.split() if w.count("a") > 0])
