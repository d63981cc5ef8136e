# Int counters and accumulators in plain while and for loops, in a short-script style: Collatz
# lengths, digit sums, a running checksum over a range, rows summed through an index, and a product
# that becomes a big int halfway through. Ints only, no classes.
def collatz_best(limit):
    best = 0
    n = 1
    while n < limit:
        k = n
        steps = 0
        while k != 1:
            if k % 2 == 0:
                k = k // 2
            else:
                k = 3 * k + 1
            steps += 1
        if steps > best:
            best = steps
        n += 1
    return best

def digit_sums(limit):
    total = 0
    n = 0
    while n < limit:
        m = n
        while m > 0:
            total += m % 10
            m = m // 10
        n += 1
    return total

def checksum(n):
    h = 0
    c = 0
    for i in range(n):
        h = (h * 31 + i) & 0xFFFFFFF
        c += i ^ h
    return h, c

def row_total(rows):
    total = 0
    i = 0
    while i < len(rows):
        total += len(rows[i])
        i += 1
    return total

def grow(n):
    x = 1
    c = 0
    while c < n:
        x = x * 7 + c
        c += 1
    return x % 1000003

rows = [[j for j in range(i % 7)] for i in range(400)]
print(collatz_best(6000), digit_sums(30000), checksum(60000), row_total(rows), grow(300))
