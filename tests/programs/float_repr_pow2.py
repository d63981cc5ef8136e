# repr of every power of two and its neighbours: just below a power of two the rounding interval
# is narrower on the low side, so the shortest round-tripping digits differ from a symmetric search.
for e in range(-1074, 1024):
    x = 2.0 ** e
    below = x - 2.0 ** max(e - 53, -1074)   # the neighbours, computed exactly
    print(e, repr(x), repr(below), repr(-x))
    if e < 1023:
        print(' ', repr(x + 2.0 ** max(e - 52, -1074)))
print(2.0 ** -25, 2.0 ** -958, str(2.0 ** 1023), f"{2.0 ** -25!r}")
print([2.0 ** -25, 0.5 ** 958], (2.0 ** -25,), {2.0 ** -25: 1})
print(float(repr(2.0 ** -25)) == 2.0 ** -25, float("2.980232238769531e-08") == 2.0 ** -25)
