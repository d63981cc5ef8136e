# zfill ljust rjust center
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("ab".ljust(5)), repr("ab".rjust(5)), repr("ab".center(5)), repr("ab".center(6)))
print(repr("abc".center(6)), repr("abc".center(7, "*")), repr("a".center(4, "-")))
print("x".ljust(4, ".") + "|", "x".rjust(4, "0"), "toolong".ljust(3), "é".center(5, "é"))
for name, val in [("apple", 3), ("kiwi", 12), ("banana", 100)]:
    print(name.ljust(8) + str(val).rjust(5))
print("|" + "title".center(20, "=") + "|")
def table(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        cells = []
        for i, v in enumerate(r):
            s = str(v)
            cells.append(s.rjust(widths[i]) if isinstance(v, (int, float)) else s.ljust(widths[i]))
        out.append(" | ".join(cells))
    return "\n".join(out)
print(table([("name", "qty", "price"), ("widget", 3, 2.5), ("gizmo", 12, 10.0), ("x", 100, 0.25)]))
for n in [0, 7, -7, 123456, -99]:
    print(str(n).zfill(6), str(n).rjust(6, "."), str(n).ljust(6, "_"), str(n).center(8, "~"))
for w in range(0, 8, 2):
    print(repr("abc".center(w)), repr("ab".center(w, "+")))
print("é".ljust(3, "∑") + "|", "∑".zfill(3))
