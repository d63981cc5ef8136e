using Lbbv.Syntax;
using SyntaxList = Lbbv.Syntax.List;
using SyntaxTuple = Lbbv.Syntax.Tuple;

namespace Lbbv.Bytecode.Compiler.Symbols;

/// <summary>First pass (CPython's symtable.c): records, per scope, which names are bound, used,
/// declared global or nonlocal, and the parameters; then ScopeAnalyzer resolves them.</summary>
internal sealed class SymbolTableBuilder
{
    private readonly string _fileName;
    private readonly FutureFeatures _future;
    private readonly Dictionary<Node, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private Scope _cur;

    private SymbolTableBuilder(string fileName, Scope module, FutureFeatures future)
    {
        _fileName = fileName;
        _future = future;
        _cur = module;
    }

    /// <summary>Builds and analyzes the symbol table of a module.</summary>
    public static SymbolTable Build(Module module)
    {
        var future = FutureFeatures.Of(module);
        var root = new Scope(ScopeKind.Module, "<module>", null, null, null);
        var b = new SymbolTableBuilder(module.FileName, root, future);
        foreach (var s in module.Body) b.VisitStmt(s);
        ScopeAnalyzer.Analyze(root, module.FileName);
        return new SymbolTable(root, b._scopes, future);
    }

    private PySyntaxError Error(string msg, Pos pos) => new(msg, _fileName, pos.Line, pos.Col, null);

    private string Mangle(string name) => Mangling.Mangle(_cur.PrivateName, name);

    private void Def(string name, SymFlags flags) => _cur.Add(Mangle(name), flags);

    private Scope Enter(ScopeKind kind, string name, Node node, string? privateName)
    {
        var s = new Scope(kind, name, _cur, node, privateName);
        _cur.Children.Add(s);
        _scopes[node] = s;
        _cur = s;
        return s;
    }

    private void Leave() => _cur = _cur.Parent!;

    // ------------------------------------------------------------ statements

    private void VisitStmts(IReadOnlyList<Stmt> body)
    {
        foreach (var s in body) VisitStmt(s);
    }

    private void VisitStmt(Stmt s)
    {
        switch (s)
        {
            case FunctionDef f:
                Def(f.Name, SymFlags.Assigned);
                VisitArgDefaults(f.Args);
                VisitExprs(f.Decorators);
                Enter(ScopeKind.Function, f.Name, f, _cur.PrivateName);
                if (f.IsGenerator) _cur.IsGenerator = true;
                VisitParams(f.Args, f.Pos);
                VisitStmts(f.Body);
                Leave();
                break;
            case ClassDef c:
                Def(c.Name, SymFlags.Assigned);
                VisitExprs(c.Bases);
                foreach (var k in c.Keywords) VisitExpr(k.Value);
                VisitExprs(c.Decorators);
                Enter(ScopeKind.Class, c.Name, c, c.Name);
                VisitStmts(c.Body);
                Leave();
                break;
            case Return r:
                if (r.Value != null) VisitExpr(r.Value);
                break;
            case Delete d:
                VisitExprs(d.Targets);
                break;
            case Assign a:
                VisitExprs(a.Targets);
                VisitExpr(a.Value);
                break;
            case AugAssign a:
                VisitExpr(a.Target);
                VisitExpr(a.Value);
                break;
            case AnnAssign a:
                // A bare `x: int` still makes x local (as CPython). Annotations are evaluated at
                // module and class level only (and not at all under `from __future__ import annotations`).
                if (a.Target is Name nm) Def(nm.Id, SymFlags.Assigned);
                else VisitExpr(a.Target);
                if (!_future.Annotations && _cur.Kind is ScopeKind.Module or ScopeKind.Class) VisitExpr(a.Annotation);
                if (a.Value != null) VisitExpr(a.Value);
                break;
            case For f:
                VisitExpr(f.Target);
                VisitExpr(f.Iter);
                VisitStmts(f.Body);
                VisitStmts(f.OrElse);
                break;
            case While w:
                VisitExpr(w.Test);
                VisitStmts(w.Body);
                VisitStmts(w.OrElse);
                break;
            case If i:
                VisitExpr(i.Test);
                VisitStmts(i.Body);
                VisitStmts(i.OrElse);
                break;
            case Raise r:
                if (r.Exc != null) VisitExpr(r.Exc);
                if (r.Cause != null) VisitExpr(r.Cause);
                break;
            case Try t:
                VisitStmts(t.Body);
                foreach (var h in t.Handlers)
                {
                    if (h.Type != null) VisitExpr(h.Type);
                    if (h.Name != null) Def(h.Name, SymFlags.Assigned);
                    VisitStmts(h.Body);
                }
                VisitStmts(t.OrElse);
                VisitStmts(t.FinalBody);
                break;
            case With w:
                foreach (var item in w.Items)
                {
                    VisitExpr(item.ContextExpr);
                    if (item.OptionalVars != null) VisitExpr(item.OptionalVars);
                }
                VisitStmts(w.Body);
                break;
            case Assert a:
                VisitExpr(a.Test);
                if (a.Msg != null) VisitExpr(a.Msg);
                break;
            case Import im:
                foreach (var al in im.Names)
                    Def(al.AsName ?? al.Name.Split('.')[0], SymFlags.Assigned);
                break;
            case ImportFrom im:
                foreach (var al in im.Names)
                {
                    if (al.Name == "*")
                    {
                        if (_cur.Kind != ScopeKind.Module)
                            throw Error("import * only allowed at module level", im.Pos);
                        continue;
                    }
                    Def(al.AsName ?? al.Name, SymFlags.Assigned);
                }
                break;
            case Global g:
                foreach (var raw in g.Names) Declare(raw, g.Pos, isGlobal: true);
                break;
            case Nonlocal nl:
                if (_cur.Kind == ScopeKind.Module)
                    throw Error("nonlocal declaration not allowed at module level", nl.Pos);
                foreach (var raw in nl.Names) Declare(raw, nl.Pos, isGlobal: false);
                break;
            case ExprStmt e:
                VisitExpr(e.Value);
                break;
            case Pass or Break or Continue:
                break;
            default:
                throw new NotSupportedFeatureError(s.GetType().Name + " statement", _fileName, s.Pos.Line);
        }
    }

    private void Declare(string raw, Pos pos, bool isGlobal)
    {
        string name = Mangle(raw);
        SymFlags cur = _cur.FlagsOf(name);
        string what = isGlobal ? "global" : "nonlocal";
        if ((cur & (SymFlags.Param | SymFlags.Assigned | SymFlags.Used)) != 0)
        {
            string msg = (cur & SymFlags.Param) != 0 ? $"name '{raw}' is parameter and {what}"
                : (cur & SymFlags.Used) != 0 ? $"name '{raw}' is used prior to {what} declaration"
                : $"name '{raw}' is assigned to before {what} declaration";
            throw Error(msg, pos);
        }
        if ((cur & (isGlobal ? SymFlags.Nonlocal : SymFlags.Global)) != 0)
            throw Error($"name '{raw}' is nonlocal and global", _cur.DeclPos[name]); // CPython: the first declaration
        _cur.Add(name, isGlobal ? SymFlags.Global : SymFlags.Nonlocal);
        _cur.DeclPos.TryAdd(name, pos);
    }

    private void VisitArgDefaults(Arguments a)
    {
        VisitExprs(a.Defaults);
        foreach (var d in a.KwDefaults) if (d != null) VisitExpr(d);
    }

    private void VisitParams(Arguments a, Pos pos)
    {
        void Param(Arg p)
        {
            string name = Mangle(p.Name);
            if ((_cur.FlagsOf(name) & SymFlags.Param) != 0)
                throw Error($"duplicate argument '{p.Name}' in function definition", p.Pos);
            _cur.Add(name, SymFlags.Param);
            _cur.Params.Add(name);
        }
        foreach (var p in a.Positional) Param(p);
        foreach (var p in a.KwOnlyArgs) Param(p);
        if (a.VarArg != null) Param(a.VarArg);
        if (a.KwArg != null) Param(a.KwArg);
    }

    // ------------------------------------------------------------ expressions

    private void VisitExprs(IEnumerable<Expr> es)
    {
        foreach (var e in es) VisitExpr(e);
    }

    private void VisitExpr(Expr e)
    {
        switch (e)
        {
            case Name n:
                if (n.Ctx == ExprContext.Load)
                {
                    Def(n.Id, SymFlags.Used);
                    // A function using `super` implicitly uses the `__class__` cell (as CPython).
                    if (n.Id == "super" && _cur.IsFunctionLike) _cur.Add("__class__", SymFlags.Used);
                }
                else Def(n.Id, SymFlags.Assigned);
                break;
            case Constant:
                break;
            case BoolOp b: VisitExprs(b.Values); break;
            case NamedExpr ne:
                VisitExpr(ne.Value);
                DefNamedExprTarget(((Name)ne.Target).Id, ne.Pos);
                break;
            case BinOp b: VisitExpr(b.Left); VisitExpr(b.Right); break;
            case UnaryOp u: VisitExpr(u.Operand); break;
            case Lambda l:
                VisitArgDefaults(l.Args);
                Enter(ScopeKind.Lambda, "<lambda>", l, _cur.PrivateName);
                VisitParams(l.Args, l.Pos);
                VisitExpr(l.Body);
                Leave();
                break;
            case IfExp i: VisitExpr(i.Test); VisitExpr(i.Body); VisitExpr(i.OrElse); break;
            case Dict d:
                for (int i = 0; i < d.Values.Count; i++)
                {
                    if (d.Keys[i] is { } k) VisitExpr(k);
                    VisitExpr(d.Values[i]);
                }
                break;
            case Set s: VisitExprs(s.Elts); break;
            case ListComp c: VisitComprehension(c, "<listcomp>", c.Generators, c.Elt, null); break;
            case SetComp c: VisitComprehension(c, "<setcomp>", c.Generators, c.Elt, null); break;
            case DictComp c: VisitComprehension(c, "<dictcomp>", c.Generators, c.Key, c.Value); break;
            case GeneratorExp c: VisitComprehension(c, "<genexpr>", c.Generators, c.Elt, null); break;
            case Yield y:
                CheckYield(y.Pos);
                if (y.Value != null) VisitExpr(y.Value);
                break;
            case YieldFrom y:
                CheckYield(y.Pos);
                VisitExpr(y.Value);
                break;
            case Compare c: VisitExpr(c.Left); VisitExprs(c.Comparators); break;
            case Call c:
                VisitExpr(c.Func);
                VisitExprs(c.Args);
                foreach (var k in c.Keywords) VisitExpr(k.Value);
                break;
            case FormattedValue f:
                VisitExpr(f.Value);
                if (f.FormatSpec != null) VisitExpr(f.FormatSpec);
                break;
            case JoinedStr j: VisitExprs(j.Values); break;
            case Attribute a: VisitExpr(a.Value); break;
            case Subscript s: VisitExpr(s.Value); VisitExpr(s.Slice); break;
            case Starred s: VisitExpr(s.Value); break;
            case SyntaxList l: VisitExprs(l.Elts); break;
            case SyntaxTuple t: VisitExprs(t.Elts); break;
            case Slice s:
                if (s.Lower != null) VisitExpr(s.Lower);
                if (s.Upper != null) VisitExpr(s.Upper);
                if (s.Step != null) VisitExpr(s.Step);
                break;
            default:
                throw new NotSupportedFeatureError(e.GetType().Name + " expression", _fileName, e.Pos.Line);
        }
    }

    /// <summary>`(x := v)` binds x in the scope containing the expression, except that inside a
    /// comprehension it binds in the nearest enclosing function or module scope (PEP 572), and the
    /// comprehensions in between reach it as a free (or global) variable.</summary>
    private void DefNamedExprTarget(string id, Pos pos)
    {
        if (_inComprehensionIterable > 0)
            throw Error("assignment expression cannot be used in a comprehension iterable expression", pos);
        if (_cur.Kind != ScopeKind.Comprehension)
        {
            Def(id, SymFlags.Assigned);
            return;
        }
        string name = Mangle(id);
        var target = _cur;
        while (target.Kind == ScopeKind.Comprehension)
        {
            if ((target.FlagsOf(name) & SymFlags.Assigned) != 0)
                throw Error($"assignment expression cannot rebind comprehension iteration variable '{id}'", pos);
            target = target.Parent!;
        }
        if (target.Kind == ScopeKind.Class)
            throw Error("assignment expression within a comprehension cannot be used in a class body", pos);
        var bind = target.Kind == ScopeKind.Module ? SymFlags.Global : SymFlags.Nonlocal;
        for (var s = _cur; s != target; s = s.Parent!)
        {
            s.Add(name, bind);
            s.DeclPos.TryAdd(name, pos);
        }
        target.Add(name, SymFlags.Assigned);
    }

    private int _inComprehensionIterable;

    private void CheckYield(Pos pos)
    {
        switch (_cur.Kind)
        {
            case ScopeKind.Module or ScopeKind.Class:
                throw Error("'yield' outside function", pos);
            case ScopeKind.Comprehension:
                string kind = _cur.Name switch
                {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                throw Error($"'yield' inside {kind}", pos);
            default:
                _cur.IsGenerator = true;
                break;
        }
    }

    private void VisitComprehension(Expr node, string name, IReadOnlyList<Comprehension> gens, Expr elt, Expr? value)
    {
        // The first iterable is evaluated in the enclosing scope and passed as `.0`.
        _inComprehensionIterable++;
        VisitExpr(gens[0].Iter);
        _inComprehensionIterable--;
        var scope = Enter(ScopeKind.Comprehension, name, node, _cur.PrivateName);
        if (name == "<genexpr>") scope.IsGenerator = true;
        scope.Add(".0", SymFlags.Param);
        scope.Params.Add(".0");
        for (int i = 0; i < gens.Count; i++)
        {
            VisitExpr(gens[i].Target);
            if (i > 0)
            {
                _inComprehensionIterable++;
                VisitExpr(gens[i].Iter);
                _inComprehensionIterable--;
            }
            VisitExprs(gens[i].Ifs);
        }
        VisitExpr(elt);
        if (value != null) VisitExpr(value);
        Leave();
    }
}

/// <summary>The analyzed symbol table of one module: the root scope and the scope of every
/// function, lambda, class and comprehension node.</summary>
internal sealed class SymbolTable(Scope root, Dictionary<Node, Scope> scopes, FutureFeatures future)
{
    public Scope Root { get; } = root;
    public FutureFeatures Future { get; } = future;
    public Scope ScopeOf(Node node) => scopes[node];
}
