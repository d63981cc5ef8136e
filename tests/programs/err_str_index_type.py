# 3.11's messages for an index of the wrong type: str says "string indices must be integers, not
# 'T'"; list and tuple still mention slices. Found by the fuzzer.
for seq in ['abc', [1, 2, 3], (1, 2, 3), 'été']:
    for key in [1.5, 'x', None, (1,), [0], 2.0, -0.0]:
        try:
            print(seq[key])
        except TypeError as e:
            print(type(seq).__name__, type(key).__name__, e)
s = 'xyz'
for i in range(40):
    k = i if i < 35 else i / 2
    try:
        s[k % 3]
    except TypeError as e:
        print(i, e)
