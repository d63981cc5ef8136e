# `x, y, z = some_list` unpacked inline behind one guard on the list's count and element kind: the
# kind or the count changing mid-loop, ints growing big, a list subclass, deep stacks in a function
# with many locals (the unpacked values live past the 32 slots a type context names).


def energy(bodies):
    e = 0.0
    for b in bodies:
        x, y, z = b[0]
        vx, vy, vz = b[1]
        e += x * vx + y * vy + z * vz
    return e


bodies = [([1.0 * i, 2.0, 3.0], [0.5, 0.25, 0.125]) for i in range(50)]
t = 0.0
for r in range(100):
    t += energy(bodies)
print(t)
bodies[7][0][1] = "s"  # a str among floats: the list claims no kind
try:
    print(energy(bodies))
except TypeError as e:
    print("TypeError", e)
bodies[7][0][1] = 2  # an int: still no float kind
print(energy(bodies))
bodies[7][0].append(4.0)  # four items
try:
    print(energy(bodies))
except ValueError as e:
    print("ValueError", e)
bodies[7][0].pop()
bodies[7][0][1] = 2.0
print(energy(bodies))


def int_triples(rows, rounds):
    s = 0
    for k in range(rounds):
        for a in rows:
            p, q, r = a
            s += p * q - r
    return s


rows = [[i, i + 1, i + 2] for i in range(40)]
print(int_triples(rows, 50))
rows[3][1] = 2 ** 70  # a big int: the int kind goes
print(int_triples(rows, 3))


class Triple(list):
    pass


mixed_rows = [Triple([1, 2, 3]) if i % 5 == 0 else [1, 2, 3] for i in range(60)]
print(int_triples(mixed_rows, 20))


def many_locals(pairs):
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = 0.0
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = 1.0
    c0 = c1 = c2 = c3 = c4 = 2.0
    total = 0.0
    for (([x1, y1, z1], m1), ([x2, y2, z2], m2)) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        dz = z1 - z2
        total += (dx * dx + dy * dy + dz * dz) * m1 * m2 + a0 + b9 + c4
    return total


pairs = [(([float(i), 1.0, 2.0], 0.5), ([3.0, float(i) / 2, 1.0], 2.0)) for i in range(30)]
acc = 0.0
for r in range(60):
    acc += many_locals(pairs)
print(acc)
pairs[10] = (([1, 1, 1], 3), ([2.0, 2.0, 2.0], 1.0))  # ints in one pair
print(many_locals(pairs))
pairs[11] = ((["a", "b", "c"], 1.0), ([2.0, 2.0, 2.0], 1.0))
try:
    print(many_locals(pairs))
except TypeError as e:
    print("TypeError", e)
