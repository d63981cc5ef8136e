namespace Lbbv.Bytecode.Tests;

/// <summary>Snippets covering every statement and expression kind of the subset.</summary>
public static class Corpus
{
    public static readonly (string Name, string Source)[] Snippets =
    [
        ("assign", "x = 1\ny = x + 2\na = b = c = y * 3\n"),
        ("unpack", "a, b = 1, 2\n[c, (d, e)] = [3, (4, 5)]\nf, *g = range(5)\n*h, i = range(3)\nj, *k, l = 1, 2, 3, 4\n"),
        ("augassign", "x = 1\nx += 2\nx -= 1\nx *= 3\nx //= 2\nx **= 2\nx |= 1\nx ^= 3\nx <<= 1\nx >>= 1\nx &= 7\nx %= 5\nx /= 2\nclass O: pass\no = O()\no.a = 1\no.a += 1\nd = {}\nd['k'] = 1\nd['k'] *= 5\n"),
        ("annassign", "x: int\ny: int = 3\nclass C:\n    z: str = 'a'\n    w: int\ndef f():\n    q: int\n    r: list = []\n    return r\n"),
        ("delete", "x = 1\ndel x\nd = {1: 2}\ndel d[1]\nclass O: pass\no = O()\no.a = 1\ndel o.a\na, b = 1, 2\ndel a, b\ndef f():\n    y = 1\n    del y\n"),
        ("operators", "a, b = 7, 3\nprint(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> b, a & b, a | b, a ^ b, -a, +a, ~a, not a)\n"),
        ("compare", "a, b, c = 1, 2, 3\nprint(a < b, a <= b, a > b, a >= b, a == b, a != b, a is b, a is not b, a in [1], a not in [1])\nprint(a < b < c, a < b > c <= 4 != 5)\n"),
        ("boolops", "a, b, c = 1, 0, 2\nprint(a and b, a or b, a and b or c, not (a and b))\nif a and (b or c) and not c:\n    print(1)\nwhile a or b:\n    a = 0\n"),
        ("ifexp", "x = 1 if True else 2\ny = (1 if x else 2) if x > 0 else 3\nif (x if y else 0):\n    pass\n"),
        ("is_none", "x = None\nif x is None:\n    print(1)\nif x is not None:\n    print(2)\nif not x is None:\n    print(3)\n"),
        ("constants", "print(None, True, False, 1, 1.0, -0.0, 0.0, -5, -2.5, 'a', ..., 10**30, 'x' 'y')\n"),
        ("displays", "a = [1, 2, *range(3), 4]\nb = (1, *a)\nc = {1, *a, 2}\nd = {'a': 1, **{'b': 2}, 'c': 3}\ne = {**d}\nf = {}\ng = []\nh = ()\ni = [*a]\nj = (1,)\n"),
        ("subscripts", "a = list(range(10))\nprint(a[1], a[1:2], a[:3], a[::2], a[1:8:2], a[-1])\na[0] = 5\na[1:3] = [7]\ndel a[0:1]\n"),
        ("calls", "def f(*a, **k): return a, k\nf()\nf(1, 2)\nf(1, x=2)\nf(*[1, 2])\nf(1, *[2], 3, *[4])\nf(**{'a': 1})\nf(1, x=2, **{'y': 3}, z=4)\nf(*[1], a=1, **{'b': 2}, **{'c': 3})\n'a'.upper()\n'a,b'.split(',')\n'a'.join(['x'], )\nprint('x', end='')\n"),
        ("fstrings", "x = 3.5\nname = 'n'\nprint(f'{x}', f'a{x}b', f'{x!r}', f'{x!s:>10}', f'{x:{5}.{2}}', f'{name!a}', f'plain', f'')\n"),
        ("if_elif", "x = 3\nif x < 1:\n    y = 1\nelif x < 2:\n    y = 2\nelif x < 5:\n    y = 3\nelse:\n    y = 4\n"),
        ("while", "i = 0\nwhile i < 10:\n    i += 1\n    if i == 3:\n        continue\n    if i == 8:\n        break\nelse:\n    print('no')\nwhile True:\n    break\nwhile 1:\n    i -= 1\n    if i < 0: break\n"),
        ("for", "for i in range(3):\n    print(i)\nelse:\n    print('done')\nfor i, j in [(1, 2)]:\n    if i: break\n    continue\nfor x in []:\n    for y in []:\n        break\n    else:\n        continue\n"),
        ("functions", "def f(a, b=1, *args, c, d=2, **kw):\n    'doc'\n    return a\ndef g(): pass\ndef h(x=[], *, y): return x, y\nlam = lambda x, y=1: x + y\nlam2 = lambda: (yield)\nprint(f(1, c=3), g(), h(y=1), lam(1))\n"),
        ("closures", "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return x\n    def reader():\n        return x\n    return inner, reader\ndef cellparam(a, b):\n    return lambda: a\ndef deep():\n    v = 1\n    def m1():\n        def m2():\n            return v\n        return m2\n    return m1\n"),
        ("globals", "g = 1\ndef f():\n    global g\n    g = 2\n    del g\ndef h():\n    return g\nclass C:\n    global g2\n    g2 = 3\n"),
        ("decorators", "def d1(f): return f\ndef d2(f): return f\n@d1\n@d2\ndef f(): pass\n@d1\nclass C: pass\n"),
        ("classes", "class A:\n    x = 1\n    def m(self): return self.x\nclass B(A):\n    'doc'\n    y = x = 2\n    def m(self):\n        return super().m() + 1\n    @staticmethod\n    def s(): return 1\n    def __priv(self): return self.__z\nclass E(A, B): pass\n"),
        ("class_in_function", "def f(v):\n    class K:\n        a = v\n        def m(self):\n            return v, __class__\n    return K\ndef g():\n    x = 1\n    class K:\n        x = 2\n        def m(self): return x\n    return K\n"),
        ("generators", "def g(n):\n    for i in range(n):\n        x = yield i\n        if x: return 5\n    yield\n    r = yield from range(3)\n    return r\ndef h():\n    try:\n        yield 1\n    finally:\n        print('f')\n"),
        ("comprehensions", "a = [x * y for x in range(3) if x for y in range(x) if y if x > y]\nb = {x for x in a}\nc = {x: x * 2 for x in a if x}\nd = (x + 1 for x in a)\ne = list(x for x in range(3))\ndef f(n):\n    return [i + n for i in range(n)]\nclass C:\n    z = [i for i in range(3)]\n"),
        ("try_except", "try:\n    x = 1\nexcept ValueError:\n    x = 2\nexcept (TypeError, KeyError) as e:\n    x = 3\nexcept Exception as e:\n    raise\nexcept:\n    pass\nelse:\n    x = 4\n"),
        ("try_finally", "def f():\n    try:\n        return g()\n    finally:\n        print('x')\ndef g():\n    for i in range(3):\n        try:\n            if i: break\n            continue\n        finally:\n            print(i)\n    try:\n        pass\n    finally:\n        return 2\n"),
        ("try_all", "def f():\n    try:\n        x = 1\n    except ValueError as e:\n        return e\n    except KeyError:\n        for i in range(3):\n            if i: break\n            return i\n    else:\n        return 0\n    finally:\n        print(1)\n"),
        ("nested_try", "def f():\n    try:\n        try:\n            raise ValueError('a')\n        except ValueError as e:\n            try:\n                raise KeyError('b') from e\n            finally:\n                del e\n    except Exception:\n        raise\n    finally:\n        try:\n            pass\n        except:\n            pass\n"),
        ("return_in_handlers", "def f():\n    for x in range(3):\n        try:\n            pass\n        except E as e:\n            return e\n        except:\n            continue\n        finally:\n            if x: return x\n"),
        ("raise", "def f(e):\n    if e: raise e\n    if not e: raise ValueError('x') from e\n    raise\n"),
        ("assert", "x = 1\nassert x\nassert x, 'msg'\nassert x > 0, f'{x}'\n"),
        ("imports", "import math\nimport os.path\nimport os.path as p\nfrom math import sqrt, pi as PI\nfrom os import *\ndef f():\n    import math\n    from math import floor\n    return math, floor\n"),
        ("pass_stmt", "pass\ndef f(): pass\nclass C: pass\nif 1: pass\n"),
        ("docstrings", "'module doc'\ndef f():\n    'fdoc'\n    return 1\nclass C:\n    'cdoc'\n"),
        ("mangling", "class C:\n    __a = 1\n    def __m(self, __p):\n        self.__x = __p\n        return self.__x, C.__a, __dunder__\n"),
        ("dead_code", "def f():\n    return 1\n    print('dead')\ndef g():\n    while True:\n        pass\n    print('dead')\ndef h():\n    raise ValueError\n    x = 1\n"),
        ("big", "def f(n):\n    total = 0\n    for i in range(n):\n        for j in range(i):\n            if (i * j) % 3 == 0 and j != i or i > 100:\n                total += i * j\n            elif i in (1, 2, 3):\n                total -= 1\n            else:\n                try:\n                    total //= (j - 1)\n                except ZeroDivisionError:\n                    total = 0\n    return total\nprint(f(10))\n"),
    ];

    public static IEnumerable<object[]> Names() => Snippets.Select(s => new object[] { s.Name });

    public static string Source(string name) => Snippets.First(s => s.Name == name).Source;
}
