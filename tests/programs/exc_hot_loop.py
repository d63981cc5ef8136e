# exceptions raised and caught inside hot loops and hot functions
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
results = [safe_div(i, i % 5) for i in range(1000)]
print(results.count(None), sum(r for r in results if r is not None))
def lookup(d, keys):
    hits = misses = 0
    for k in keys:
        try:
            d[k]
            hits += 1
        except KeyError:
            misses += 1
    return hits, misses
print(lookup({i: i for i in range(0, 3000, 3)}, range(3000)))
def parse_all(tokens):
    out = []
    for t in tokens:
        try:
            out.append(int(t))
        except ValueError:
            try:
                out.append(float(t))
            except ValueError:
                out.append(t)
    return out
print(parse_all(["1", "2.5", "x", "-7", "1e3", "nan?", "0x1"] * 2))
count = 0
for i in range(2000):
    try:
        if i % 7 == 0:
            raise ValueError(i)
        if i % 11 == 0:
            raise KeyError(i)
        count += 1
    except ValueError:
        count += 100
    except KeyError:
        count += 10000
    finally:
        count += 1
print(count)
def fails_late(n):
    total = 0
    for i in range(n):
        total += i
        if i == n - 1:
            raise RuntimeError(total)
    return total
for n in [10, 100, 1000]:
    try:
        fails_late(n)
    except RuntimeError as e:
        print("RuntimeError", e.args[0])
def idx(lst, i):
    try:
        return lst[i]
    except IndexError:
        return -1
print(sum(idx([1, 2, 3], i) for i in range(-5, 10)))
