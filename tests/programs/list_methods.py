# list methods
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend((2, 6))
a.extend(range(2))
print(a, len(a))
a.insert(0, "first")
a.insert(-1, "pen")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(1), a.pop(-2))
print(a)
a.remove(1)
print(a, a.index(1), a.index(5), a.count(1), a.count(42))
print(a.index(1, 3) if a.count(1) > 1 else -1)
b = a.copy()
b.reverse()
print(b, a == b[::-1], b is a)
nums = [5, 2, 8, 1, 9, 3]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "date", "fig"]
words.sort(key=len)
print(words)
words.sort(key=str.lower, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
c = [1, 2, 3]
c.clear()
print(c)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [3, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
stable = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
print(sorted(stable, key=lambda t: t[0]))
print([1, 2] * 3, [0] * 0, [1] + [2, 3], 2 in [1, 2], [1, [2]] == [1, [2]], [1, 2] < [1, 3], [2] > [1, 9])
print([] == [], [1, 2] != [2, 1], 3 not in [1, 2])
x = [1]
x += [2]
x *= 2
print(x)
