# A class attribute set on every iteration of a hot loop (the shape of fuzz seed 2606): every change
# makes the compiled loop stale; the JIT must keep computing what the interpreter computes without
# compiling the loop again on every iteration.

class K:
    def m(self):
        return 1


def touch():
    K.m = K.m


def work(n):
    total = 0
    k = K()
    for i in range(n):
        touch()
        total += k.m()
    return total


print(work(3000))
