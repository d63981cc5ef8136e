# Range objects carry their bounds inline (no companion): every operation on them, ranges kept alive
# across collections in containers, and ranges whose bounds need big ints (a separate representation).
r = range(3, 20, 4)
print(r, len(r), list(r), r[1], r[-1], r[1:3], r[::-1], list(r[::-2]), bool(r), bool(range(0)))
print(r.start, r.stop, r.step, 7 in r, 8 in r, r.index(11), r.count(15), r.count(16))
print(range(5) == range(0, 5), range(0) == range(3, 1), range(1, 10, 3) == range(1, 9, 3), range(2) != range(3))
print(list(reversed(range(10, 0, -3))), min(range(4, 9)), max(range(4, 9)), sum(range(101)))
print(hash(range(0, 10, 2)) == hash(range(0, 9, 2)), {range(3): 'a'}[range(0, 3)], hash(range(0, 10, 2)) == hash((5, 0, 2)))
print(hash(range(0)) == hash((0, None, None)), hash(range(4, 5, 9)) == hash((1, 4, None)), hash(range(7, 7)) == hash(range(0)))
big = range(10 ** 20, 10 ** 20 + 5)
print(big, len(big), big[2], 10 ** 20 + 3 in big, list(big)[-1])
kept = []
for i in range(3000):
    kept.append(range(i, i + 7, (i % 3) + 1))
    junk = [range(j) for j in range(5)]
print(len(kept), kept[2999], list(kept[1234]), sum(len(x) for x in kept))
for step in (1, -1, 5, -7):
    rr = range(-20, 20, step) if step > 0 else range(20, -20, step)
    print(step, len(rr), rr[0] if rr else None, list(rr)[:3])
