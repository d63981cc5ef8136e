using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Stores into namespaces other code reads through caches and constants: the module's
/// globals through `globals()` (a live mapping), an instance's attributes through its `__dict__`,
/// and class attributes and methods (cached method lookups, special methods).</summary>
public sealed partial class StmtGenerator
{
    /// <summary>Special methods one class may take from another that has its own: each keeps every
    /// use safe (`__hash__` only between classes whose instances hash by their own).</summary>
    static readonly (string Name, Func<ClassInfo, bool> Owns)[] CopyableDunders =
    [
        ("__bool__", c => c.OwnBool), ("__len__", c => c.OwnLen), ("__repr__", c => c.OwnRepr),
        ("__add__", c => c.OwnAdd), ("__eq__", c => c.OwnEq && !c.EqUsesSuper), ("__hash__", c => c.OwnHash),
    ];

    /// <summary>A store through `globals()`: rebinding `g`, `G` or `GN` (which compiled code may
    /// read as constants), binding or removing the spare global `GT`, or shadowing the builtin `max`
    /// by `min` (and back).</summary>
    Line GlobalsStore(Scope s)
    {
        int choice = rng.Below(8);
        return choice switch
        {
            0 when world.Rebindables.Count > 0 =>
                Stmt($"globals()['{World.GlobalFunc}'] = {rng.Pick(world.Rebindables).Name}"),
            1 => Stmt($"globals()['{World.GlobalClass}'] = {rng.Pick(world.Classes).Name}"),
            2 => Stmt($"globals()['{World.GlobalNum}'] = {{0}}", Expr.Of("({0} % (2**64))", exprs.Num(s, 2))),
            3 or 4 => Stmt($"globals()['{World.GlobalTemp}'] = {{0}}", exprs.Flat(s)),
            5 => s.Safe
                ? Stmt($"globals().pop('{World.GlobalTemp}', None)")
                : Stmt($"del globals()['{World.GlobalTemp}']"),
            6 => Stmt(rng.Percent(50) ? "globals()['max'] = min" : "globals()['min'] = max"),
            _ => Stmt($"globals().pop('{rng.Pick(["max", "min"])}', None)"),
        };
    }

    /// <summary>A class attribute store: `kind`, a root class's `m` (it uses only `a` and `b`,
    /// which every instance has, and no super(), so it works on every class's instances), or a
    /// special method another class defines.</summary>
    Line ClassAttributeStore(Scope s)
    {
        var target = rng.Pick(world.Classes);
        var dunders = CopyableDunders
            .SelectMany(d => world.Classes.Where(d.Owns).Select(owner => (d.Name, Owner: owner)))
            .Where(d => d.Name != "__hash__" || target.Hash == HashKind.User)
            .ToList();
        int choice = rng.Below(dunders.Count > 0 ? 5 : 4);
        switch (choice)
        {
            case 0: return Stmt($"{target.Name}.kind = {{0}}", exprs.Scalar(s));
            case 1: return Stmt($"setattr({target.Name}, 'kind', {{0}})", exprs.Scalar(s));
            case 2:
            case 3:
                var root = rng.Pick(world.Classes.Where(c => c.Base == null).ToList());
                return Stmt($"{target.Name}.m = {root.Name}.m");
            default:
                var (name, owner) = rng.Pick(dunders);
                return Stmt($"{target.Name}.{name} = {owner.Name}.{name}");
        }
    }

    /// <summary>A store through an instance's `__dict__` (or `vars()`): the attributes every
    /// instance has, `c` added or removed (a hole in the instance's slots), or a bound method that
    /// shadows the class's `m` added or removed.</summary>
    Line DictStore(Expr o, Scope s) => rng.Below(8) switch
    {
        0 => Stmt("{0}.__dict__['a'] = {1}", o, exprs.Scalar(s)),
        1 => Stmt("vars({0})['b'] = {1}", o, exprs.Scalar(s)),
        2 => Stmt("{0}.__dict__['c'] = {1}", o, exprs.Scalar(s)),
        3 => Stmt("{0}.__dict__.update(a={1}, c={2})", o, exprs.Scalar(s), exprs.Scalar(s)),
        4 => Stmt("{0}.__dict__.setdefault('c', {1})", o, exprs.Scalar(s)),
        5 => Stmt("{0}.m = {1}.m", o, L($"{World.Objects}[{rng.Below(world.Classes.Count)}]")),
        6 => Stmt($"{{0}}.__dict__.pop('{rng.Pick(["c", "m"])}', None)", o),
        _ => Mix(Expr.Of("{0}.__dict__.pop('c', None)", o)),
    };

    /// <summary>A set mutation: its elements stay hashable values whose hashes CPython fixes
    /// (see <see cref="ExprGenerator.SetElement"/>), so printing it shows CPython's order.</summary>
    Stmt MutateSet(Expr set, Scope s)
    {
        if (!s.Safe && rng.Percent(30)) return Stmt("{0}.remove({1})", set, exprs.SetElement(s));
        return rng.Below(10) switch
        {
            0 or 1 => Stmt("{0}.add({1})", set, exprs.SetElement(s)),
            2 => Stmt("{0}.discard({1})", set, exprs.SetElement(s)),
            3 => Stmt("{0}.update({1})", set, exprs.Set(s, 1)),
            4 => Stmt($"{{0}} {rng.Pick(["|=", "&=", "-=", "^="])} {{1}}", set, exprs.Set(s, 1)),
            5 => Stmt("{0}.difference_update({1})", set, exprs.Set(s, 1)),
            6 => Stmt("{0}.intersection_update({1})", set, exprs.Set(s, 1)),
            7 => Stmt("{0}.symmetric_difference_update({1})", set, exprs.Set(s, 1)),
            8 => Stmt("{0}.clear()", set),
            _ => Compound.Of(Clause.Of("if {0}:", [Mix(Expr.Of("{0}.pop()", set))], set)),
        };
    }

    /// <summary>A set built, mutated and folded into the checksum (its order is CPython's hash order).</summary>
    IEnumerable<Stmt> SetWork(Scope s)
    {
        var set = L("_st");
        var work = new List<Stmt> { Stmt("_st = set({0})", exprs.Set(s, 2)) };
        for (int i = rng.Between(1, 3); i > 0; i--) work.Add(MutateSet(set, s));
        work.Add(Mix(set));
        return work;
    }

    /// <summary>A generator of <see cref="FunctionGenerator"/>'s gen2/gen3 advanced a few steps,
    /// thrown into (where exceptions are caught), and closed; then what it logged. It is always
    /// closed here: a generator CPython finalizes while it would ignore GeneratorExit prints
    /// "Exception ignored" (and Lbbv collects later than CPython's reference counting).</summary>
    IEnumerable<Stmt> GeneratorWork(Scope s)
    {
        string gen = world.HasDelegatingGenerator && rng.Percent(40) ? "gen3" : "gen2";
        var work = new List<Stmt> { Stmt("_lg = []"), Stmt($"_gi = {gen}({rng.Between(0, 4)}, _lg)") };
        for (int i = rng.Between(0, 3); i > 0; i--) work.Add(Mix(L("next(_gi, None)")));
        if (!s.Safe && rng.Percent(40))
            work.Add(Mix(L(rng.Percent(70) ? "_gi.throw(E0('t'))" : "_gi.throw(ValueError('v'))")));
        work.Add(Compound.Of(
            Clause.Of("try:", [Stmt("_gi.close()")]),
            Clause.Of("except RuntimeError as e:", [Mix(L("str(e)"))])));
        work.Add(Mix(L("_lg")));
        work.Add(Mix(L("next(_gi, None)")));
        return work;
    }
}
