# list indexing, negative indices, slicing with steps
a = list(range(10))
print(a[0], a[-1], a[3], a[-4])
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-5:-1])
print(a[5:2], a[20:], a[-20:2], a[::100], a[::-100])
print(a[slice(1, 4)], a[slice(None, None, 2)], a[slice(-2, None)])
b = a[:]
b[0] = 99
print(a[0], b[0], a is b, a == list(range(10)))
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], [row[1] for row in m], m[::-1][0])
m[0][0] = 100
print(m)
try:
    print(a[10])
except IndexError as e:
    print("IndexError:", e)
try:
    a[-11] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
i = 3
print(a[i], a[i - 5], a[True])
s = "abcdefgh"
print(list(s)[1:7:2])
print(a[2:8][1:4][::-1])
