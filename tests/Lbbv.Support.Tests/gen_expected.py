#!/usr/bin/env python3
"""Generates Data/*.json: expected values computed by python3 (CPython 3.11) for Lbbv.Support.
Deterministic (fixed seeds). Run from this directory: python3 gen_expected.py"""
import json, math, random, struct, string, sys

assert sys.version_info[:2] == (3, 11), sys.version
R = random.Random(20240611)
OUT = {}

def bits(x): return struct.unpack('<q', struct.pack('<d', x))[0]

def res(f):
    try:
        v = f()
    except Exception as e:
        msg = str(e) if not isinstance(e, KeyError) else e.args[0]
        return 'err %s: %s' % (type(e).__name__, msg)
    return 'ok ' + enc(v)

def enc(v):
    if isinstance(v, bool): return 'b%d' % v
    if isinstance(v, int): return 'i%d' % v
    if isinstance(v, float): return 'f%d' % bits(v)
    if isinstance(v, str): return 's' + json.dumps(v)
    if isinstance(v, (list, tuple)): return '[' + ','.join(enc(x) for x in v) + ']'
    if v is None: return 'None'
    if isinstance(v, complex): return 'complex'
    raise TypeError(type(v))

def rand_double():
    k = R.random()
    if k < 0.3: return struct.unpack('<d', struct.pack('<Q', R.getrandbits(64)))[0]
    if k < 0.6: return R.uniform(-1e6, 1e6)
    if k < 0.8: return R.randint(-10**6, 10**6) / R.choice([1, 2, 4, 8, 10, 100, 1000, 3])
    return R.choice([1, -1]) * 10.0 ** R.randint(-30, 30) * R.choice([1, 1.5, 2.675, 0.125, 9.995, 1 / 3])

SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 0.375, 1e16, 1e15, 123456789012345.6, 1.5e-7,
           1e-5, 0.0001, 1e100, 1e-100, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, math.inf, -math.inf,
           math.nan, 1e22, 1e23, 9007199254740993.0, 0.3, 2.0 / 3, 100.0, 1234.5, 999999.5, 0.05, 0.15, 0.25, 0.35, 5e-5]
DOUBLES = SPECIAL + [rand_double() for _ in range(600)]

# 1. float repr
OUT['float_repr'] = [[bits(x), repr(x)] for x in DOUBLES + [rand_double() for _ in range(3000)]]

# 2. float format
FSPECS = ['', '.2f', '.0f', '.20f', '.1f', 'f', 'e', '.3e', '.0e', 'E', 'g', '.3g', '.10g', 'G', '.0g', '#g', '#.3g', 'n',
          '%', '.1%', '.2', '.5', '.17', '#', '#.0', '+', ' ', '-', '010.2f', '<10', '^12.3f', '*>15,.2f', '_', ',',
          '=+12.4e', '015,.3f', 'z.1f', 'z', '#.0f', '#.0e', '.30g', '.100f', 'x', 's', '.2s', '20', '+.3%', ',.2f',
          '_.3e', '.0%', '010', '-010.3', 'd']
fcases = [[bits(x), s, res(lambda: format(x, s))] for x in SPECIAL for s in FSPECS + ['#e', '#10', '#.3', '#G', '#%']]
for x in DOUBLES[:250]:
    for s in R.sample(FSPECS, 12) + ['', '.2f']:
        fcases.append([bits(x), s, res(lambda: format(x, s))])
OUT['float_format'] = fcases

# 3. int format
ISPECS = ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'c', 'n', ',', '_', '_b', '_x', '#_x', ',d', '10', '<10',
          '^10', '=10', '010', '+', ' ', '-', '+010', '#010x', '010,', '012_b', 'e', '.2f', 'g', '%', '.3', 's', '+c',
          '#c', ',x', ',b', 'z', '*^+#15_x', '.2e', 'G', ',.1f', 'abc', ',_', '_,', '.', '5c', '05c']
INTS = [0, 1, -1, 7, -7, 42, 255, -255, 65, 1000, 1234567, -1234567, 2**31, 2**63 - 1, -2**63, 2**64, 10**20, -10**25,
        2**100, 0x10FFFF, 0x110000] + [R.randint(-10**R.randint(1, 30), 10**R.randint(1, 30)) for _ in range(60)]
OUT['int_format'] = [[str(n), s, res(lambda: format(n, s))] for n in INTS for s in ISPECS]

# 4. str format
SSPECS = ['', 's', '10', '<10', '>10', '^10', '^11', '*^9', '.2', '10.2', '05', '<05', '=10', '+', ' ', '#', 'z', 'd', ',',
          '_', 'x>5', '.0', '.10', '3', 'é^7']
STRS = ['', 'a', 'abc', 'hello world', 'é', 'x\U0001F600y', 'tab\tnewline\n']
OUT['str_format'] = [[v, s, res(lambda: format(v, s))] for v in STRS for s in SSPECS]

# 5. percent format: args are lists of encoded values
PFMTS = ['%s', '%r', '%a', '%d', '%i', '%u', '%x', '%X', '%o', '%e', '%E', '%f', '%F', '%g', '%G', '%c', '%%', '%5d',
         '%-5d', '%05d', '%+d', '% d', '%#x', '%#o', '%#X', '%.3d', '%8.3f', '%-8.3f', '%08.3f', '%+.2e', '%#g', '%.0f',
         '%10s', '%-10s', '%.2s', '%5.1s', '%*d', '%.*f', '%*.*f', '%y', 'abc%', '%(a)s', '%s %s', '', 'x', '%5%',
         '%ld', '%#.3x', '%020.3f', '%c%c', '%-05x', '% +d', '%.3x', '%#5.2e', '%05s', '%05c', '%s%%%s']
PARGS = [[], [0], [1], [-42], [255], [3.7], [-2.5], [1e20], [0.1], ['abc'], ['é'], [True], [65], [10**20], [5, 2],
         [2, 1.2345], [3, 2, 3.14159], ['a', 'b'], [1, 2, 3], [float('nan')], [float('inf')], [-0.0], [0x1F600],
         [-1], ['x\ty']]
pcases = []
for f in PFMTS:
    for a in PARGS:
        if len(a) == 1 and R.random() < 0.5:
            pcases.append([f, [enc(a[0])], False, res(lambda: f % a[0])])
        pcases.append([f, [enc(x) for x in a], True, res(lambda: f % tuple(a))])
OUT['percent_format'] = pcases

# 6. str.format rendering with int/str/float args
TEMPLATES = ['{}', '{} {}', '{0} {1} {0}', '{:>5}', '{0!r}', '{0!s:>6}', '{!a}', '{0:{1}}', '{:{}}', '{:{}{}}',
             '{a}', '{a} {}', '{0[0]}', '{0.real}', '}', '{', 'a{{b}}c', '{0:}}', '{0{}', '{!r', '{!', '{!rx}',
             '{!x}', '{0.}', '{0[}', '{}{0}', '{0}{}', '{:{:{}}}', '{99999999999999999999}', '{:d}', '{:x}',
             '{0:.{1}f}', '{2}', '{:=^{}}', 'no fields', '{{}}', '}}', '{{', '{0!r:^10}', '{0!s}', '{0:03}',
             '{:,}', '{a!r:>{w}}']
FARGS = [([1, 2, 3], {}), (['x', 5, 'y'], {}), ([3.14159, 2], {'a': 'A', 'w': 6}), ([12345, 'abc'], {'a': 7, 'w': 3})]
OUT['str_format_render'] = [[t, [enc(x) for x in a], {k: enc(v) for k, v in kw.items()}, res(lambda: t.format(*a, **kw))]
                            for t in TEMPLATES for a, kw in FARGS]
import _string
PT = ['a{0}b{1!r:>5}c', '{}{}', 'x{{y}}z', '{a.b[c].d}', '{0[1][x]}', '{:{}}', 'lit only', '{!s}', '{0:{a}{b}}']
OUT['str_format_parse'] = [[t, [[l, fn, sp, cv] for (l, fn, sp, cv) in _string.formatter_parser(t)]] for t in PT]

# 7. int parse
PSTRS = ['0', '12', '-12', '+12', ' 12 ', '\t-7\n', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '-0x1f', '0o17', '0b101',
         '0x_1f', '0_0', '00', '010', '0b', 'abc', '', ' ', 'z', 'Z', '1e5', '12.5', '١٢٣', '0xg', '9' * 30,
         '-' + '7' * 40, '+-1', '- 1', '0_x1', '1 2', '\u00a012\u2003', '0B1_1', '0o_7', 'ff', 'FF']
OUT['int_parse'] = [[s, b, res(lambda: int(s, b))] for s in PSTRS for b in [10, 0, 2, 8, 16, 36, 1, 37, 3]]

# 8. int ops
def rbig():
    return R.choice([R.randint(-100, 100), R.randint(-2**63, 2**63 - 1), R.randint(-10**40, 10**40),
                     R.randint(-2**200, 2**200), R.choice([0, 1, -1, 2**63, -2**63, 2**53 + 1, 2**64 - 1])])
iops = []
for _ in range(500):
    a, b = rbig(), rbig()
    e = R.randint(-3, 40)
    m = R.choice([rbig(), R.randint(1, 1000), -R.randint(1, 1000), 0])
    iops.append([str(a), str(b), str(e), str(m),
                 res(lambda: a // b), res(lambda: a % b), res(lambda: divmod(a, b)), res(lambda: a / b),
                 res(lambda: a ** e), res(lambda: pow(a, e, m)), res(lambda: float(a)), res(lambda: hash(a)),
                 res(lambda: a.bit_length()), res(lambda: hex(a)), res(lambda: oct(a)), res(lambda: bin(a)),
                 res(lambda: a << (e % 70) if e >= 0 else a << e), res(lambda: a >> e), res(lambda: str(a))])
OUT['int_ops'] = iops
OUT['int_truediv_big'] = [[str(a), str(b), res(lambda: a / b)] for a, b in
                          [(10**30, 7), (2**1100, 3), (-2**1100, 2**70), (1, 2**1100), (3, 2**1074), (2**2000, 2**975 - 1),
                           (10**400, 10**399), (2**1024, 1), (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1),
                           (1, 3 * 2**1074), (2**53 + 1, 2**60)] + [(rbig(), rbig()) for _ in range(300)]]
OUT['int_from_double'] = [[bits(x), res(lambda: int(x))] for x in DOUBLES]

# 9. float ops
FPARSE = ['1', '1.5', ' -1.5e10 ', '1_000.5', '1__0', '_1', '1_', 'inf', '-Infinity', 'nan', '-NaN', 'iNF', 'infinit',
          'abc', '', '1e', '1e+', '.5', '5.', '.', '1.5e-7', '0x10', '١.٥', '1e500', '-1e-500', '+.5e1', '1_0e1_0',
          '1.2.3', '\u2003 7 ']
OUT['float_parse'] = [[s, res(lambda: float(s))] for s in FPARSE]
fops = []
FV = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, 0.5, 7.0, -7.0, 1e300, -1e-300, math.inf, -math.inf, math.nan, 10.0, 0.1, 2.0, -8.0, 1/3]
pairs = [(x, y) for x in FV for y in FV] + [(rand_double(), rand_double()) for _ in range(400)]
for x, y in pairs:
    fops.append([bits(x), bits(y), res(lambda: x // y), res(lambda: x % y), res(lambda: divmod(x, y)),
                 res(lambda: x / y), res(lambda: x ** y)])
OUT['float_ops'] = fops
rnd = []
for x in DOUBLES[:400] + [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.285, 1.005, 5e-324, 1e308, 123.456, 1.7976931348623157e308, 5e307]:
    rnd.append([bits(x), res(lambda: round(x)), [res(lambda: round(x, n)) for n in [0, 1, 2, 3, -1, -2, 10, 400, -400, 17, 308, -308, -307, -309, 323, 324]],
                res(lambda: hash(x) if x == x else 0)])
OUT['float_round_hash'] = rnd

# 10. str ops
SCORPUS = ['', ' ', 'a', 'abc', '  hello  world  ', 'Hello World', 'hELLO wORLD', "they're bill's friends", 'ß', 'ﬁ',
           'ΣΑΣ ΟΔΟΣ', 'aΣ', 'Σ', 'ǆemal', 'ǅ', 'İstanbul', 'x\ty\n\nz\r\nw\rq\x0bv\x0cu\x1cend', 'a,b,,c,', ',',
           '12', '١٢٣', '½', '²', 'abc123', 'ABC', 'Abc Def', '\u2028line\u2029', 'tab\t\tend', 'a\u0300b', '\U0001F600 x',
           'x\U0001F600yy\U0001F600', 'ŉ', 'ΐ', '\x00\x7f\x80\xa0\xad', 'mixed Case_123 ', "q'\"", "'", '"', '\\',
           'under_score', '  \t\n', 'aaa', 'aXbXcX']
SUBS = ['', 'a', 'b', 'X', ' ', ',', 'ab', 'll', '\U0001F600', 'yy', 'l']
sops = []
for s in SCORPUS:
    row = {'s': s}
    row['upper'] = s.upper(); row['lower'] = s.lower(); row['title'] = s.title(); row['capitalize'] = s.capitalize()
    row['swapcase'] = s.swapcase(); row['casefold'] = s.casefold()
    row['repr'] = repr(s); row['ascii'] = ascii(s)
    row['preds'] = [s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isupper(), s.islower(), s.isdecimal(),
                    s.isnumeric(), s.istitle(), s.isidentifier(), s.isprintable()]
    row['split'] = [s.split(), s.split(None, 1), s.rsplit(), s.rsplit(None, 1), s.split(','), s.split(',', 1),
                    s.rsplit(',', 1), s.split('X'), s.rsplit('X', 2), s.splitlines(), s.splitlines(True)]
    row['strip'] = [s.strip(), s.lstrip(), s.rstrip(), s.strip('a'), s.strip('ab '), s.rstrip('X'), s.lstrip('\U0001F600x ')]
    row['pad'] = [s.zfill(8), s.ljust(9), s.rjust(9, '*'), s.center(9), s.center(10, '-'), s.center(4), s.expandtabs(),
                  s.expandtabs(4), s.expandtabs(0)]
    row['len'] = len(s)
    row['sub'] = []
    for sub in SUBS:
        for (a, b) in [(0, None), (1, None), (-3, None), (2, -1), (5, 2), (10, 20), (0, 100), (-100, 3)]:
            row['sub'].append([sub, a, -1 if b is None else b, b is None,
                               s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b),
                               s.startswith(sub, a, b), s.endswith(sub, a, b)])
        row['sub'].append([sub, 0, 0, True, s.replace(sub, '<>'), s.replace(sub, '-', 2), res(lambda: s.partition(sub)),
                           res(lambda: s.rpartition(sub)), res(lambda: s.split(sub)), res(lambda: s.rsplit(sub, 1))])
    sops.append(row)
OUT['str_ops'] = sops
allcp = []
for c in list(range(0, 0x800)) + list(range(0x800, 0x3000, 3)) + list(range(0xA000, 0x10000, 11)) + list(range(0x10000, 0x30000, 197)):
    ch = chr(c)
    if 0xD800 <= c < 0xE000: continue
    allcp.append([c, ch.upper(), ch.lower(), ch.title(), repr(ch),
                  ''.join('1' if p else '0' for p in [ch.isdigit(), ch.isalpha(), ch.isspace(), ch.isalnum(), ch.isupper(),
                                                       ch.islower(), ch.isdecimal(), ch.isnumeric(), ch.isprintable()])])
OUT['str_codepoints'] = allcp

# 11. random
rcases = []
for seed in [0, 1, 42, -5, 12345678901234567890, 2**32, 2**32 - 1, 10**50, 987654321]:
    r = random.Random(seed)
    seq = []
    seq.append(['random', [r.random() for _ in range(5)]])
    seq.append(['getrandbits', [[k, r.getrandbits(k)] for k in [1, 5, 31, 32, 33, 63, 64, 65, 100, 200, 0]]])
    seq.append(['randrange1', [[n, r.randrange(n)] for n in [1, 2, 3, 10, 100, 1000, 2**31, 2**32 + 1, 10**30]]])
    seq.append(['randrange3', [[a, b, st, r.randrange(a, b, st)] for a, b, st in
                               [(0, 10, 1), (5, 100, 7), (100, 5, -3), (-50, 50, 1), (0, 2**70, 3), (10, 0, -1)]]])
    seq.append(['randint', [[a, b, r.randint(a, b)] for a, b in [(1, 6), (0, 0), (-10, 10), (1, 10**20)]]])
    seq.append(['choice', [[n, r.choice(range(n))] for n in [1, 2, 5, 17, 1000]]])
    lst = list(range(20)); r.shuffle(lst)
    seq.append(['shuffle', lst])
    seq.append(['uniform', [r.uniform(1.5, 9.25) for _ in range(3)]])
    seq.append(['random', [r.random() for _ in range(700)][-5:]])
    rcases.append([str(seed), [[k, enc(v)] for k, v in seq]])
OUT['random'] = rcases
rerr = []
r = random.Random(1)
for args in [(0,), (-5,), (0, 0), (5, 5), (10, 5), (0, 10, 0), (0, 10, -1), (10, 0, 1), (1, 2, 1)]:
    rerr.append([[str(a) for a in args], res(lambda: r.randrange(*args))])
OUT['random_errors'] = rerr
OUT['random_strseed'] = [[s, [random.Random(s).random() for _ in range(3)]] for s in ['', 'abc', 'héllo']]

# 12. sets of ints
scases = []
for t in range(150):
    s = set()
    ops = []
    universe = R.choice([20, 100, 1000, 10**6, 2**40])
    for _ in range(R.randint(0, 200)):
        k = R.random()
        v = R.randint(-universe, universe) if R.random() < 0.9 else R.choice([-1, -2, 2**61 - 1, 2**61, 2**63 - 1, -2**63])
        if k < 0.65: s.add(v); ops.append(['a', v])
        elif k < 0.95 and s: v = R.choice(sorted(s)) if R.random() < 0.7 else v; s.discard(v); ops.append(['d', v])
        elif s and k < 0.98: ops.append(['p', s.pop()])
    s2src = [R.randint(-universe, universe) for _ in range(R.randint(0, 60))]
    s2 = set(s2src)
    scases.append({'ops': ops, 'list': list(s), 'other': s2src, 'otherlist': list(s2),
                   'copy': list(s.copy()), 'or': list(s | s2), 'and': list(s & s2), 'sub': list(s - s2),
                   'xor': list(s ^ s2), 'rsub': list(s2 - s), 'fromlist': list(set(ops_v for _, ops_v in ops)),
                   'pops': [s.pop() for _ in range(len(s))]})
OUT['sets'] = scases
tcases = []
for _ in range(200):
    items = [R.choice([R.randint(-100, 100), R.randint(-2**64, 2**64)]) for _ in range(R.randint(0, 6))]
    tcases.append([[str(hash(i)) for i in items], hash(tuple(items))])
tcases.append([[str(hash(x)) for x in (1.5, -0.0, 'x')], hash((1.5, -0.0, 'x'))])
OUT['tuple_hash'] = tcases
fs = []
for _ in range(50):
    items = set(R.randint(-1000, 1000) for _ in range(R.randint(0, 30)))
    fs.append([list(items), hash(frozenset(items))])
OUT['frozenset_hash'] = fs

# float repr at every power of two and its neighbours: the rounding interval just below a power
# of two is narrower on the low side (no random numbers: the other files do not change)
pw = []
for e in range(-1074, 1024):
    x = 2.0 ** e
    for y in (x, math.nextafter(x, 0), math.nextafter(x, math.inf)):
        if math.isfinite(y) and y != 0:
            pw.append([bits(y), repr(y)])
OUT['float_repr_pow2'] = pw

# hash(str) with PYTHONHASHSEED=0 (the tests' setting), computed by a child interpreter
import os, subprocess
strs = ['', 'a', 'y', 'aaa', 'bc', 'hello world', 'x' * 7, 'x' * 8, 'x' * 9, '\u00e9t\u00e9', '\u03a9\u2248',
        'x\U0001F600y', '\U0001F600', '\ud800', 'a\u0100', '\u00ff' * 3, 'abc' * 40]
alphabet = string.ascii_letters + '\u00e9\u00fc\u03a9\u4e2d\U0001F600'
strs += [''.join(R.choice(alphabet) for _ in range(R.randint(0, 40))) for _ in range(300)]
child = subprocess.run([sys.executable, '-c', 'import json, sys; print(json.dumps([hash(s) for s in json.load(sys.stdin)]))'],
                       input=json.dumps(strs), capture_output=True, text=True, check=True,
                       env=dict(os.environ, PYTHONHASHSEED='0'))
OUT['str_hash'] = [[[ord(c) for c in s], h] for s, h in zip(strs, json.loads(child.stdout))]  # code points: JSON cannot carry a lone surrogate

for name, data in OUT.items():
    with open('Data/%s.json' % name, 'w') as f:
        json.dump(data, f, ensure_ascii=True)
print('wrote', len(OUT), 'files')
