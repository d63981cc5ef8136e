x = 0.5
s = 0.0
for i in range(2000):
    s += x * i
    x = x + 0.25
print(s)
