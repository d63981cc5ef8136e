x = -2 ** 2
x = 2 ** -1
x = 2 ** 3 ** 4
x = -a.b ** c[1]
x = not a == b
x = a < b <= c != d
x = a is not b and c not in d or e in f and g is h
x = a if b else c if d else e
x = lambda: 0
x = lambda a, b=1, *c, d, e=2, **f: a + b
x = lambda *, k: k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
x = ~a + +b - -c
x = (a + b) * (c - d)
x = ((a))
x = a.b.c(d)[e](f).g
x = f(1, *a, b=2, **c)
x = f(*a, *b, **c, **d)
x = f(a)(b)(c)
x = f(x for x in y)
x = f((x for x in y), 1)
x = a[1]
x = a[1:2]
x = a[:]
x = a[::2]
x = a[1:2:3]
x = a[:, 1]
x = a[1:2, 3]
x = a[i, j]
x = a[(i, j)]
x = a[lower + offset : upper + offset]
x = ()
x = (1,)
x = 1,
x = 1, 2,
x = [1, 2, *rest]
x = [*a, *b]
x = []
x = {}
x = {1: 2, 3: 4, **d}
x = {**a, 'k': 'v'}
x = {1, 2, *s}
x = [i * 2 for i in range(10) if i % 2 if i > 3]
x = [(i, j) for i in range(3) for j in range(i)]
x = {k: v for k, v in items}
x = {v for v in values}
x = (i for i in it)
x = [y := f(x), y ** 2]
if (n := len(a)) > 10: pass
while chunk := read(): pass
x = ...
x = None, True, False
x = a and b and c
x = a or b or c
x = (not a)
print(*args, sep='', end='\n')
x = a[b][c]
x = f(a, b,)
x = [1,
     2,
     3]
x = {
    'a': 1,
    'b': 2,
}
x = f(
    a,
    b=2,
)
x = 1 if a else 2
x = [a for a in b if a if not a]
x = (a for b in c for d in e)
x = f(*args)
x = a[-1]
x = a[1:-1]
x = not not a
x = -(-a)
x = a**-b
x = a.b[c].d(e)
x = 1 < 2 < 3
x = a not in b
x = [lambda: i for i in range(3)]
