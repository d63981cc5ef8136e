import random
from collections import deque
class R(random.Random):
    def roll(self):
        return self.randint(1, 6)
r = R(42)
print([r.roll() for _ in range(5)], isinstance(r, random.Random), type(r).__name__)
r.tag = 'x'
print(r.tag)
class Q(deque):
    def push(self, x):
        self.append(x)
        return len(self)
q = Q([1, 2], maxlen=3)
print(q.push(3), q.push(4), list(q), isinstance(q, deque))
