# ord, chr, hex, oct, bin, hash of ints/tuples
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("é"), ord("∑"), ord("\n"))
print(chr(97), chr(48), chr(233), chr(8364), repr(chr(10)), chr(0x1F600) == "\U0001F600")
print("".join(chr(ord(c) + 1) for c in "HAL"))
def caesar(s, k):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)
print(caesar("hello, world", 13), caesar(caesar("round trip", 7), 19))
print(hex(0), hex(255), hex(-255), hex(2 ** 64), oct(8), oct(-8), oct(0), bin(0), bin(10), bin(-10), bin(2 ** 65))
print(int(hex(123456789), 16), int(bin(987), 2), int(oct(4242), 8))
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100), hash(-(2 ** 100)))
print(hash((1, 2)), hash(()), hash((1,)), hash((1, (2, 3))), hash((-1, 0)))
print(hash(True), hash(1.0) == hash(1), hash(10 ** 20) == hash(10 ** 20))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
