# str indexing and slicing by code point, including non-ASCII
s = "hello, world"
print(s[0], s[-1], s[4], s[-5], len(s))
print(s[0:5], s[7:], s[:-7], s[::2], s[::-1], s[1:10:3], s[-3:-10:-2])
print(s[100:], s[-100:3], s[5:2], repr(s[3:3]))
u = "naïve café — ünïcödé ∑ π λ"
print(len(u), u[2], u[-1], u[10:14], u[::-1])
print(u[14], ord(u[14]), u.upper())
for i, ch in enumerate("aé∑"):
    print(i, ch, ord(ch))
t = "日本語テキスト"
print(len(t), t[1:3], t[-2:], t[::2])
print(chr(955), chr(8721), chr(233), chr(65) + chr(97))
print("é" in u, "xyz" in u, "café" in u)
chars = []
for c in "abc∂ef":
    chars.append(c)
print(chars, "".join(reversed(chars)))
print(list("été"), tuple("ab"))
print(repr("é"), repr("tab\there"), repr("quote'"), repr('dq"'), repr("both'\""), repr("nl\n"), repr("\\"))
print(str("x"), "a" "b" "c")
print(s[slice(2, 8, 2)], s[slice(None, None, -3)])
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
print("\u00e9" == "é", "\x41", "\u03b1")
