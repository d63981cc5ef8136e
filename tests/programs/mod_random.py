# random with a fixed seed reproduces CPython's Mersenne Twister
import random
from random import randint, choice
random.seed(12345)
print([random.random() for _ in range(5)])
print([randint(1, 6) for _ in range(20)])
print([random.randrange(100) for _ in range(10)], [random.randrange(10, 20, 3) for _ in range(5)])
print(choice("abcdefg"), choice([10, 20, 30]), choice(range(1000)))
lst = list(range(20))
random.shuffle(lst)
print(lst)
print([round(random.uniform(-1, 1), 10) for _ in range(4)], random.uniform(5, 5))
random.seed(0)
a = [random.random() for _ in range(3)]
random.seed(0)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed(42)
print(random.randint(0, 2 ** 70), random.randrange(-50, 50), random.randint(-10, -5))
counts = [0] * 6
for _ in range(6000):
    counts[random.randint(0, 5)] += 1
print(counts, sum(counts))
random.seed(2 ** 40 + 3)
print(random.random(), random.randrange(1, 2 ** 40))
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.seed(7)
random.shuffle(deck)
print(deck[:13])
