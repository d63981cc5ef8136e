# random.Random instances (CPython's sequences), randbytes, and the basic bytes type.
import random
import sys

r = random.Random(0)
print(r.random(), r.randint(0, 30), r.choice([None, True, False]), r.randbytes(5), random.Random(5).randrange(10))
r2 = random.Random(0)
print(r2.random() == random.Random(0).random(), [r.randrange(100) for _ in range(5)])
random.seed(1)
a = random.random()
random.seed(1)
print(a == random.random(), sys.intern("x"), isinstance(bytes(1), bytes), type(bytes(1)))
shuffled = list(range(10))
random.Random(3).shuffle(shuffled)
print(shuffled, random.Random("seed").random(), random.Random(2**100).getrandbits(70))
print(repr(bytes([0, 9, 10, 13, 39, 34, 92, 65, 127, 200])), repr(bytes([39])), repr(bytes([39, 34])))
print(bytes(3), bytes("hé", "utf-8"), bytes([97, 98]) + bytes([99]), bytes([97, 98]) * 2, bytes([97, 98, 99])[1],
      bytes([97, 98, 99])[1:], list(bytes([97, 98])), 98 in bytes([97, 98, 99]), bytes([98, 99]) in bytes([97, 98, 99]),
      bytes([97, 98, 99]).decode(), bytes([97, 98, 99]).hex(), bytes.fromhex("61 62"), len(bytes(2)),
      bytes([97]) < bytes([98]))
for bad in [lambda: bytes([256]), lambda: bytes("x"), lambda: bytes([255]).decode(), lambda: bytes(-1),
            lambda: bytes(1)[5], lambda: bytes(1.5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(str(bytes([120])), "é".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "x".encode(encoding="utf-8"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print({bytes([1]): "one"}[bytes([1])], bytes([1, 2]) == bytes([1, 2]), bytes([1]).startswith(bytes([1])))
