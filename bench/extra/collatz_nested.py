# A short int script of nested while loops (Collatz chain lengths, a nested triangle count, a
# gcd per pair): int locals cached across loop edges with exits taken often (the inner loops end
# every few iterations, branches inside alternate).
def chain(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps

def longest(limit):
    best = 0
    arg = 0
    n = 1
    while n < limit:
        c = chain(n)
        if c > best:
            best = c
            arg = n
        n += 1
    return best, arg

def triangles(m):
    count = 0
    a = 1
    while a < m:
        b = a
        while b < m:
            c = a + b
            if c < m and (a * b) % 7 == 3:
                count += 1
            b += 1
        a += 1
    return count

def gcd_sum(m):
    total = 0
    i = 1
    while i < m:
        j = 1
        while j < m:
            x = i
            y = j
            while y:
                x, y = y, x % y
            total += x
            j += 3
        i += 1
    return total

print(longest(30000))
print(triangles(400))
print(gcd_sum(300))
