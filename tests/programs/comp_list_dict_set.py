# list, dict and set comprehensions
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[i * j for j in range(4)] for i in range(3)])
print([c.upper() for c in "hello" if c not in "l"])
print({x: x ** 3 for x in range(5)})
print({w: len(w) for w in "one two three two".split()})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 4 for x in range(20)})
print({c for c in "mississippi"} == set("misp"))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([y for row in matrix for y in row])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
n = 10
print([n * i for i in range(3)])
def scope():
    k = 5
    return [k + i for i in range(3)], {i: k for i in range(2)}
print(scope())
print([a + b for a, b in zip([1, 2], [10, 20])], [i for i, _ in enumerate("ab")])
print(["even" if i % 2 == 0 else "odd" for i in range(4)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd"]}))
print(sum([i for i in range(101)]), len([None for _ in range(7)]))
pts = {(x, y): x * y for x in range(3) for y in range(3) if x <= y}
print(pts)
