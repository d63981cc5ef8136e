# Helper module for jit_builtin_shadowing: its functions call builtins that the main program
# later shadows from outside (setattr on this module).
def measure(items):
    total = 0
    for x in items:
        total += len(x) + abs(-len(x))
    return total

def helper(x):
    return x + 1

def call_helper(n):
    total = 0
    for i in range(n):
        total += helper(i)
    return total
