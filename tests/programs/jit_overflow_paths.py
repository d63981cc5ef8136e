# Int fast paths that decline again and again (overflow into big ints, zero divisors) in hot
# compiled code: a typed attribute squared past int64, negation of the smallest int64, and float
# and int division by zero caught in a loop. Each site must keep running, with CPython's values.

class Sq:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s

def areas(shapes, n):
    total = 0
    for i in range(n):
        total += shapes[i % len(shapes)].area()
    return total

def edges(n):
    out = 0
    small = -2**63
    for i in range(n):
        x = small + (i % 2)
        out += -x
        out += (x - 1) if i % 3 else (x + 2**62) * 4
    return out

def divisions(n):
    caught = 0
    acc = 0.0
    for i in range(n):
        d = i % 4
        try:
            acc += 1.0 / d + i // d + i % d
        except ZeroDivisionError:
            caught += 1
    return caught, acc

print(areas([Sq(3), Sq(2**40), Sq(-7), Sq(2**31)], 4000))
print(edges(3000))
print(divisions(4000))
