# A class attribute assigned at every call discards the traces that depend on classes, so the
# tracer records them again and again; under eager re-emission each new trace's hot links are
# emitted again. Before the fix the cost of a batch grew with every unit ever published (fuzz
# seed 54663 never finished under trace-eager-reemit).
class K:
    def m(self):
        return 1


def rebind(i):
    K.m = K.m
    return K().m() + i


_ck = 0


def mix(v):
    global _ck
    h = _ck
    for ch in repr(v):
        h = (h * 31 + ord(ch)) % 1000000007
    _ck = h


for i in range(2500):
    mix(rebind(i))
    mix((i, 'x'))
print(_ck)
