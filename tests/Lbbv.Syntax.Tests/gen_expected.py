#!/usr/bin/env python3
"""Regenerates the expected outputs of the syntax tests from CPython 3.11 (run: python3 gen_expected.py).

Corpus/*.py       -> Corpus/*.py.expected : a normalized AST dump (the format AstDumper.cs prints)
errors.txt        -> errors.expected      : for each case (separated by '#---' lines): kind|line|message
"""
import ast, os, struct, sys, json

HERE = os.path.dirname(os.path.abspath(__file__))
POSITIONED = (ast.stmt, ast.expr, ast.arg, ast.keyword, ast.excepthandler)

def s(x):
    return json.dumps(x, ensure_ascii=True)

class Dumper:
    def __init__(self, src):
        self.lines = src.split('\n')

    def pos(self, n, in_fstring):
        if in_fstring:
            return ''
        line = self.lines[n.lineno - 1].encode('utf-8')
        col = len(line[:n.col_offset].decode('utf-8', errors='replace'))
        return f'@{n.lineno}:{col}'

    def const(self, v):
        if v is None: return 'None'
        if v is True: return 'True'
        if v is False: return 'False'
        if v is ...: return '...'
        if isinstance(v, int): return f'i{v}'
        if isinstance(v, float): return 'd%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
        if isinstance(v, str): return s(v)
        raise ValueError(repr(v))

    def list(self, xs, f):
        return '[' + ','.join(f(x) for x in xs) + ']'

    def opt(self, x, f):
        return '-' if x is None else f(x)

    def node(self, n, fs=False):
        d = lambda x: self.node(x, fs)
        L = lambda xs: self.list(xs, d)
        O = lambda x: self.opt(x, d)
        k = type(n).__name__
        p = self.pos(n, fs) if isinstance(n, POSITIONED) else ''
        if isinstance(n, ast.Module): return '\n'.join(d(x) for x in n.body)
        if isinstance(n, ast.FunctionDef):
            return f'FunctionDef{p}({s(n.name)},{d(n.args)},{L(n.body)},{L(n.decorator_list)},{is_generator(n)})'
        if isinstance(n, ast.ClassDef): return f'ClassDef{p}({s(n.name)},{L(n.bases)},{L(n.keywords)},{L(n.body)},{L(n.decorator_list)})'
        if isinstance(n, ast.Return): return f'Return{p}({O(n.value)})'
        if isinstance(n, ast.Delete): return f'Delete{p}({L(n.targets)})'
        if isinstance(n, ast.Assign): return f'Assign{p}({L(n.targets)},{d(n.value)})'
        if isinstance(n, ast.AugAssign): return f'AugAssign{p}({d(n.target)},{type(n.op).__name__},{d(n.value)})'
        if isinstance(n, ast.AnnAssign): return f'AnnAssign{p}({d(n.target)},{d(n.annotation)},{O(n.value)})'
        if isinstance(n, ast.For): return f'For{p}({d(n.target)},{d(n.iter)},{L(n.body)},{L(n.orelse)})'
        if isinstance(n, ast.While): return f'While{p}({d(n.test)},{L(n.body)},{L(n.orelse)})'
        if isinstance(n, ast.If): return f'If{p}({d(n.test)},{L(n.body)},{L(n.orelse)})'
        if isinstance(n, ast.Raise): return f'Raise{p}({O(n.exc)},{O(n.cause)})'
        if isinstance(n, ast.Try): return f'Try{p}({L(n.body)},{L(n.handlers)},{L(n.orelse)},{L(n.finalbody)})'
        if isinstance(n, ast.ExceptHandler): return f'ExceptHandler{p}({O(n.type)},{self.opt(n.name, s)},{L(n.body)})'
        if isinstance(n, ast.With): return f'With{p}({L(n.items)},{L(n.body)})'
        if isinstance(n, ast.withitem): return f'WithItem({d(n.context_expr)},{O(n.optional_vars)})'
        if isinstance(n, ast.Assert): return f'Assert{p}({d(n.test)},{O(n.msg)})'
        if isinstance(n, ast.Import): return f'Import{p}({L(n.names)})'
        if isinstance(n, ast.ImportFrom): return f'ImportFrom{p}({s(n.module)},{L(n.names)})'
        if isinstance(n, ast.alias): return f'Alias({s(n.name)},{self.opt(n.asname, s)})'
        if isinstance(n, ast.Global): return f'Global{p}({self.list(n.names, s)})'
        if isinstance(n, ast.Nonlocal): return f'Nonlocal{p}({self.list(n.names, s)})'
        if isinstance(n, ast.Expr): return f'ExprStmt{p}({d(n.value)})'
        if isinstance(n, (ast.Pass, ast.Break, ast.Continue)): return f'{k}{p}'
        if isinstance(n, ast.arguments):
            return f'Arguments({L(n.posonlyargs)},{L(n.args)},{O(n.vararg)},{L(n.kwonlyargs)},{self.list(n.kw_defaults, O)},{O(n.kwarg)},{L(n.defaults)})'
        if isinstance(n, ast.arg): return f'Arg{p}({s(n.arg)},{O(n.annotation)})'
        if isinstance(n, ast.BoolOp): return f'BoolOp{p}({type(n.op).__name__},{L(n.values)})'
        if isinstance(n, ast.NamedExpr): return f'NamedExpr{p}({d(n.target)},{d(n.value)})'
        if isinstance(n, ast.BinOp): return f'BinOp{p}({d(n.left)},{type(n.op).__name__},{d(n.right)})'
        if isinstance(n, ast.UnaryOp): return f'UnaryOp{p}({type(n.op).__name__},{d(n.operand)})'
        if isinstance(n, ast.Lambda): return f'Lambda{p}({d(n.args)},{d(n.body)})'
        if isinstance(n, ast.IfExp): return f'IfExp{p}({d(n.test)},{d(n.body)},{d(n.orelse)})'
        if isinstance(n, ast.Dict): return f'Dict{p}({self.list(n.keys, O)},{L(n.values)})'
        if isinstance(n, ast.Set): return f'Set{p}({L(n.elts)})'
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp)): return f'{k}{p}({d(n.elt)},{L(n.generators)})'
        if isinstance(n, ast.DictComp): return f'DictComp{p}({d(n.key)},{d(n.value)},{L(n.generators)})'
        if isinstance(n, ast.comprehension): return f'Comprehension({d(n.target)},{d(n.iter)},{L(n.ifs)})'
        if isinstance(n, ast.Yield): return f'Yield{p}({O(n.value)})'
        if isinstance(n, ast.YieldFrom): return f'YieldFrom{p}({d(n.value)})'
        if isinstance(n, ast.Compare):
            return f'Compare{p}({d(n.left)},{self.list(n.ops, lambda o: type(o).__name__)},{L(n.comparators)})'
        if isinstance(n, ast.Call): return f'Call{p}({d(n.func)},{L(n.args)},{L(n.keywords)})'
        if isinstance(n, ast.keyword): return f'Keyword{p}({self.opt(n.arg, s)},{d(n.value)})'
        if isinstance(n, ast.FormattedValue):
            spec = '-' if n.format_spec is None else self.node(n.format_spec, True)
            return f'FormattedValue{p}({self.node(n.value, False)},{n.conversion},{spec})'
        if isinstance(n, ast.JoinedStr):
            return f'JoinedStr{p}({self.list(n.values, lambda x: self.node(x, True))})'
        if isinstance(n, ast.Constant): return f'Constant{p}({self.const(n.value)})'
        if isinstance(n, ast.Attribute): return f'Attribute{p}({d(n.value)},{s(n.attr)},{type(n.ctx).__name__})'
        if isinstance(n, ast.Subscript): return f'Subscript{p}({d(n.value)},{d(n.slice)},{type(n.ctx).__name__})'
        if isinstance(n, ast.Starred): return f'Starred{p}({d(n.value)},{type(n.ctx).__name__})'
        if isinstance(n, ast.Name): return f'Name{p}({s(n.id)},{type(n.ctx).__name__})'
        if isinstance(n, (ast.List, ast.Tuple)): return f'{k}{p}({L(n.elts)},{type(n.ctx).__name__})'
        if isinstance(n, ast.Slice): return f'Slice{p}({O(n.lower)},{O(n.upper)},{O(n.step)})'
        raise ValueError(k)

def is_generator(fn):
    found = False
    def visit(n):
        nonlocal found
        if isinstance(n, (ast.Yield, ast.YieldFrom)):
            found = True
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            for dec in getattr(n, 'decorator_list', []): visit(dec)
            if isinstance(n, ast.ClassDef):
                for b in n.bases: visit(b)
            elif isinstance(n, (ast.FunctionDef, ast.Lambda)):
                for x in n.args.defaults + [x for x in n.args.kw_defaults if x]: visit(x)
            return
        if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            visit(n.generators[0].iter)
            return
        for c in ast.iter_child_nodes(n): visit(c)
    for st in fn.body: visit(st)
    return 'True' if found else 'False'

def main():
    corpus = os.path.join(HERE, 'Corpus')
    for f in sorted(os.listdir(corpus)):
        if not f.endswith('.py'): continue
        src = open(os.path.join(corpus, f), encoding='utf-8').read()
        tree = ast.parse(src, f)
        with open(os.path.join(corpus, f + '.expected'), 'w', encoding='utf-8', newline='\n') as out:
            out.write(Dumper(src).node(tree) + '\n')
    cases = open(os.path.join(HERE, 'errors.txt'), encoding='utf-8').read().split('\n#---\n')
    with open(os.path.join(HERE, 'errors.expected'), 'w', encoding='utf-8', newline='\n') as out:
        for c in cases:
            try:
                compile(c, 'f.py', 'exec')
                sys.exit(f'error case compiles: {c!r}')
            except SyntaxError as e:
                out.write(f'{type(e).__name__}|{e.lineno}|{e.msg}\n')

if __name__ == "__main__":
    main()
