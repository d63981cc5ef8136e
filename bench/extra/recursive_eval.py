# Calls in another style than numeric loops: a recursive evaluator of expression trees kept in
# tuples, numeric integration of functions passed as arguments (called through a local, not a
# global), closures made per call, and a float recursion. Every call returns a float.


def ev(node, x):
    op = node[0]
    if op == "num":
        return node[1]
    if op == "x":
        return x
    a = ev(node[1], x)
    b = ev(node[2], x)
    if op == "+":
        return a + b
    if op == "*":
        return a * b
    return a - b


def poly(coefficients):
    # Horner's scheme as a tree: ((c0 * x + c1) * x + c2) ...
    tree = ("num", coefficients[0])
    for c in coefficients[1:]:
        tree = ("+", ("*", tree, ("x",)), ("num", c))
    return tree


def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        s += f(a + i * h) * (4.0 if i % 2 else 2.0)
    return s * h / 3.0


def scaled(k):
    def g(x):
        return k * x * x + 1.0
    return g


def ffib(n):
    if n < 2:
        return 1.0
    return ffib(n - 1) + ffib(n - 2) * 0.5


def main():
    tree = poly([0.5, -1.0, 2.0, 0.25, 1.5])
    total = 0.0
    for i in range(4000):
        total += ev(tree, i * 0.001)
    print("trees %.6f" % total)
    area = 0.0
    for k in range(1, 40):
        area += simpson(scaled(k * 0.1), 0.0, 1.0, 600)
        area += simpson(lambda x: ev(tree, x), 0.0, 1.0, 20)
    print("areas %.6f" % area)
    print("ffib %.3f" % ffib(22))


main()
