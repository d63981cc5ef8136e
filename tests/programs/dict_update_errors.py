# dict(seq) and d.update(seq) take a sequence of pairs: an element that is not iterable is
# "cannot convert dictionary update sequence element #N to a sequence". Found by the fuzzer.
for seq in [[(1, 2), 0], [None], [1.5], [(1, 2), (3, 4), 5], ['ab', 'c'], [(1, 2, 3)], [[1, 2], 'xy'], []]:
    try:
        print(dict(seq))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
    d = {'k': 0}
    try:
        d.update(seq)
        print(d)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e, d)
