# upper lower title isdigit isalpha isspace
words = ["hello", "WORLD", "MiXeD", "hello world", "it's a test", "123abc", "", "çé"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title())
for t in ["123", "12a", "", "abc", "ab1", " ", " \t\n", "a b", "é", "x"]:
    print(repr(t), t.isdigit(), t.isalpha(), t.isspace())
print("hello world foo".title(), "HELLO".lower() == "hello")
print("o'neil mc-donald 3rd".title())
def normalize(name):
    return " ".join(w.lower().title() for w in name.split())
print([normalize(n) for n in ["  aDA   lovelace ", "GRACE hopper", "alan m. TURING"]])
def classify(s):
    if s.isdigit():
        return "digits"
    if s.isalpha():
        return "letters"
    if s.isspace():
        return "space"
    return "mixed"
tokens = "abc 123 x9 \t  Zürich 007 ok!".split(" ")
print([(t, classify(t)) for t in tokens])
counts = {"upper": 0, "lower": 0, "digit": 0, "space": 0, "other": 0}
for ch in "Hello World 2024, Ünïcode!":
    if ch.isdigit():
        counts["digit"] += 1
    elif ch.isspace():
        counts["space"] += 1
    elif ch.isalpha() and ch == ch.upper():
        counts["upper"] += 1
    elif ch.isalpha():
        counts["lower"] += 1
    else:
        counts["other"] += 1
print(counts)
print("MiXeD".lower().upper().title(), "a1b2".upper(), "x".upper() * 3)
