name = "x"
f'hello {name}'
f"{name!r}"
f"{name!s:>10}"
f"{name!a}"
f"{x:{width}.{precision}}"
f"{x:>{w}}"
f"{{literal}} {x} }}"
f"{x=}"
f"{x = }"
f"{x=!s}"
f"{x=:>10}"
f"{x+1=}"
f"{a['key']}"
f'{a["key"]}'
f"{', '.join(xs)}"
f"{x if y else z}"
f"{(lambda: 1)()}"
f"{[i for i in range(3)]}"
f"{ {'a': 1}['a'] }"
f"{x!r:^{w}}"
'plain ' f'{x}' ' tail'
f'' ''
f'' f''
f'a' 'b'
'a' f'b{c}d' 'e'
rf'\d{x}'
fr'{x}\n'
F'{x}'
f'''multi
{x}
line'''
f"{x:}"
f"{x!r:}"
f"{3.14:.2f}"
f"{x:%Y-%m-%d}"
f"{a}{b}{c}"
f"\n{x}\t"
f"{x}" f"{y}"
f"{'nested ' + f'{y}'}"
f"{x,}"
f"{x:{'>'}10}"
f"{x == y}"
f"{x != y}"
f"{x >= y}"
