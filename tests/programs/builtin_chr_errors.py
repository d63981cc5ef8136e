# chr() converts its argument to a C int first (OverflowError beyond), then checks the code point
# range (ValueError). Found by the fuzzer.
for v in [0, 65, 0x10FFFF, 0x110000, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**53, -2**53, 2**63,
          -2**63, 2**64, -10**19, True, False]:
    try:
        print(v, repr(chr(v)))
    except (OverflowError, ValueError) as e:
        print(v, type(e).__name__, e)
for v in [1.5, '7', None]:
    try:
        chr(v)
    except TypeError as e:
        print(type(e).__name__, e)
