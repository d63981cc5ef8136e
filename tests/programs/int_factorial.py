# Factorials, fibonacci and other big-int computations
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

def fact_rec(n):
    if n <= 1:
        return 1
    return n * fact_rec(n - 1)

for n in [0, 1, 5, 10, 20, 21, 25, 30]:
    print(n, fact(n))
print(fact(100))
print(fact_rec(50) == fact(50))
f = fact(200)
s = str(f)
print(len(s), s[:20], s[-60:])
print(sum(int(c) for c in s))
a, b = 0, 1
for i in range(300):
    a, b = b, a + b
print(a)
print(a % 1000000007, a // 10 ** 50)
c = 1
for i in range(1, 60):
    c = c * (60 - i + 1) // i
print(c)
print(fact(30) // fact(28), fact(25) % 1000003)
print(pow(2, 200) - fact(40))
