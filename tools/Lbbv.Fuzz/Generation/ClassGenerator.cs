using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Generates 2 to 4 classes, some derived from others, each with `__init__(self, a, b)`
/// and `m(self, x)` (so `o.m(x)` is a polymorphic call site over all of them) and a random
/// selection of `n`, `__repr__`, `__bool__`, `__len__`, `__add__`, `__getitem__`, `__eq__`, a
/// property `p`, and an attribute `c` set in `__init__`. Method bodies call no method or function:
/// `m` may be any class's `m`, so calls there could recurse.</summary>
public sealed class ClassGenerator(Rng rng, World world, ExprGenerator exprs, StmtGenerator stmts)
{
    static Line Stmt(string template, params Expr[] kids) => Line.Of(template, kids);

    static Compound Def(string header, IEnumerable<Stmt> body) => Compound.Of(Clause.Of(header, body));

    public IEnumerable<Stmt> Generate()
    {
        int count = rng.Between(2, 4);
        var defs = new List<Stmt>();
        for (int i = 0; i < count; i++)
        {
            ClassInfo? baseClass = i > 0 && rng.Percent(55) ? world.Classes[rng.Below(i)] : null;
            var info = new ClassInfo("K" + i, baseClass);
            world.Classes.Add(info);
            defs.Add(Class(info));
        }
        return defs;
    }

    static Scope MethodScope(bool safe, params Var[] parameters) => new()
    {
        Vars = [new Var("self", Cat.Obj, Fixed: true), .. parameters],
        Safe = safe,
        InFunction = true,
        Budget = new Budget(3),
        BlockDepth = 2,
        LoopDepth = 1,
        Work = 16,
    };

    Stmt Class(ClassInfo info)
    {
        var body = new List<Stmt>();
        if (info.Base == null || rng.Percent(30)) body.Add(Stmt($"kind = '{info.Name}'"));
        if (info.Base == null || rng.Percent(40)) body.Add(Init(info));
        if (info.Base == null || rng.Percent(60)) body.Add(MethodM(info));
        if (rng.Percent(40))
        {
            info.OwnN = true;
            var scope = MethodScope(true);
            body.Add(Def("def n(self):", [Stmt("return {0}", exprs.Num(scope, 2))]));
        }
        if (rng.Percent(50))
        {
            info.OwnRepr = true;
            body.Add(Def("def __repr__(self):",
                [Stmt($"return '{info.Name}(' + _r(self.a) + ', ' + _r(self.b) + ')'")]));
        }
        if (rng.Percent(35))
        {
            info.OwnBool = true;
            body.Add(Def("def __bool__(self):", [Stmt("return bool(self.b)")]));
        }
        if (rng.Percent(30))
        {
            info.OwnLen = true;
            body.Add(Def("def __len__(self):", [Stmt($"return {rng.Between(0, 3)}")]));
        }
        if (rng.Percent(30))
        {
            info.OwnAdd = true;
            body.Add(Def("def __add__(self, other):", [Stmt("return _r(self.b) + '+' + _r(other)")]));
        }
        if (rng.Percent(25))
        {
            info.OwnGetItem = true;
            // IndexError at 3 ends the old iteration protocol (list(o), `in`, for) that __getitem__ enables.
            // Sometimes a collection at key 2: the builtin iterating (dict(o), zip, ...) holds items.
            var getItem = new List<Stmt> { Compound.Of(Clause.Of("if key == 3:", [Stmt("raise IndexError(key)")])) };
            if (rng.Percent(40)) getItem.Add(Compound.Of(Clause.Of("if key == 2:", [Stmt("_gc()")])));
            getItem.Add(Stmt("return (_r(key), self.b)"));
            body.Add(Def("def __getitem__(self, key):", getItem));
        }
        if (rng.Percent(30))
        {
            info.OwnProperty = true;
            body.Add(Stmt("@property"));
            body.Add(Def("def p(self):", [Stmt("return self.b")]));
        }
        if (rng.Percent(15))
        {
            info.OwnEq = true;
            body.Add(Def("def __eq__(self, other):",
                [Stmt($"return isinstance(other, {info.Name}) and self.b == other.b")]));
        }
        string header = info.Base == null ? $"class {info.Name}:" : $"class {info.Name}({info.Base.Name}):";
        return Def(header, body);
    }

    Stmt Init(ClassInfo info)
    {
        info.OwnInit = true;
        var body = new List<Stmt>();
        if (info.Base != null && rng.Percent(70))
            body.Add(Stmt(rng.Percent(70) ? "super().__init__(a, b)" : $"{info.Base.Name}.__init__(self, a, b)"));
        else
        {
            body.Add(Stmt("self.a = a"));
            body.Add(Stmt("self.b = b"));
        }
        if (rng.Percent(40))
        {
            info.SetsC = true;
            body.Add(Stmt("self.c = {0}", exprs.NumLiteral()));
        }
        return Def("def __init__(self, a, b):", body);
    }

    /// <summary>`m(self, x)`: a few statements on self's attributes and x, then a result of any kind.
    /// Some classes' m may raise, and then every call of `o.m` goes inside try.</summary>
    Stmt MethodM(ClassInfo info)
    {
        info.OwnM = true;
        info.MethodsMayRaise = rng.Percent(15);
        var scope = MethodScope(!info.MethodsMayRaise, new Var("x", Cat.Any));
        var body = new List<Stmt>();
        if (info.Base != null && rng.Percent(30)) body.Add(stmts.Mix(Expr.Leaf("super().m(x)")));
        body.AddRange(stmts.Block(scope, rng.Between(1, 3)));
        body.Add(Stmt("return {0}", exprs.Any(scope, 2)));
        return Def("def m(self, x):", body);
    }
}
