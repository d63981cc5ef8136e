# strip lstrip rstrip replace startswith endswith
s = "   padded string \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "abcba".strip("ab"))
print(repr("".strip()), repr("   ".strip()), "www.example.com".strip("cmowz."))
print("hello world".replace("o", "0"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"))
print("banana".replace("na", "NA"), "banana".replace("x", "y"), "banana".replace("banana", ""))
print("héllo".replace("é", "e"))
print("filename.py".endswith(".py"), "filename.py".startswith("file"), "abc".startswith(""))
print("abc".startswith("abcd"), "abc".endswith("bc"), "abc".endswith(("x", "c")), "abc".startswith(("b", "z")))
print("hello".startswith("ll", 2), "hello".endswith("ll", 0, 4), "hello".startswith("h", 1))
text = "  a-b-c  "
print(text.strip().replace("-", "+").upper())
count = 0
for w in ["test_a", "b_test", "test_c", "d"]:
    if w.startswith("test"):
        count += 1
print(count)
