print(__import__("math").floor(2.5), __import__("collections.abc", fromlist=["Iterator"]).__name__)


def save(i):
    if i == 50:
        with open("out.txt", "w") as f:
            f.write("x")
    return i


for i in range(100):
    save(i)
