# sys module: argv, stdout.write, recursion limit
import sys
from sys import argv
print(len(sys.argv), sys.argv[1:], len(argv))
print(argv is sys.argv)
n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.write("no newline ")
sys.stdout.write("then newline\n")
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(2500)
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(2000))
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
print("ok")
sys.stdout.write(str(42) + "\n")
