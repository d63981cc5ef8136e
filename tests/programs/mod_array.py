# array.array: typecodes, conversions and range errors, slices, methods, reprs.
from array import array
for tc, v in [('b', 200), ('b', -200), ('B', 256), ('B', -1), ('h', 40000), ('h', -40000), ('H', 70000), ('H', -1), ('i', 2**31), ('i', -2**31-1), ('I', 2**32), ('I', -1), ('l', 2**63), ('L', 2**64), ('L', -1), ('q', 2**63), ('Q', 2**64), ('Q', -1)]:
    try: array(tc, [v])
    except OverflowError as e: print(tc, v, e)
for tc, v in [('d', 'a'), ('i', 1.5), ('u', 1), ('f', 1e400)]:
    try: print(array(tc, [v]))
    except Exception as e: print(tc, type(e).__name__, e)
try: array('x')
except Exception as e: print(type(e).__name__, e)
a = array('d', [1, 2.5]); print(a, repr(array('i')), array('u', 'ab'), a * 2, a + a, a[0], a[-1], a[:1], list(a), len(a), 2.5 in a, a.tolist(), a.typecode, a.itemsize, array('f', [0.1]))
try: a[5]
except IndexError as e: print(e)
try: a[0:1] = [1.0]
except TypeError as e: print(e)
try: a + array('i')
except TypeError as e: print(e)
b = array('d'); b[:] = a[:]; print(b, a == b, a < array('d', [2]), array('i', [3, 1]).index(1), a.pop(), a)
try: array('i', [1]).index(5)
except ValueError as e: print(e)
try: array('i').pop()
except IndexError as e: print(e)
c = array('i', [1,2,3,4,5]); c[1:3] = array('i', [9]); del c[0]; c.reverse(); print(c, c.count(9)); c.extend([7]); c.insert(0, 8); c.remove(9); print(c, str(c))
print(array('d', range(3)), array('b', [1, 2])[1], type(array('d')[0:0]))
try: array('i', [1]).remove(9)
except ValueError as e: print(e)
z = array('d', [0]) * 5
for i in range(5): z[i] = i * 0.5
print(z, sum(z), array('Q', [2**64-1]), array('L', [5])[0] + 1, z[::2], z[::-1])
del z[::2]; print(z)
z[::2] = array('d', [9]); print(z)
try: z[::2] = array('d', [9, 9])
except ValueError as e: print(e)
try: z.x = 1
except AttributeError as e: print(e)
