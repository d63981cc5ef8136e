# recursion within the default limit: depth ~900, mutual recursion, ackermann
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(400), is_odd(401), is_even(7))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3), ack(2, 10), ack(3, 3))
def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)
mv = []
hanoi(10, "A", "B", "C", mv)
print(len(mv), mv[:4], mv[-1])
def perms(xs):
    if len(xs) <= 1:
        return [xs]
    out = []
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
ps = perms([1, 2, 3, 4])
print(len(ps), ps[:3], ps[-1])
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(len(power_set(list(range(10)))), power_set([1, 2, 3]))
def sum_nested(x):
    if isinstance(x, list):
        return sum(sum_nested(y) for y in x)
    return x
nest = 1
for i in range(300):
    nest = [nest, i]
print(sum_nested(nest))
