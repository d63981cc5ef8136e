using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

/// <summary>Generates statements: assignments (some changing a variable's type mid-loop), mutations
/// of lists, dicts and attributes, checksum updates, ifs with truth tests of every kind of value,
/// hot and nested loops, try/except around operations that may raise, rebinding of the global
/// function, class and number. See docs/FUZZING.md.</summary>
public sealed partial class StmtGenerator(Rng rng, World world, ExprGenerator exprs, GeneratorOptions options)
{
    int nextTag;

    static Expr L(string text) => Expr.Leaf(text);

    static Line Stmt(string template, params Expr[] kids) => Line.Of(template, kids);

    /// <summary>The next `_show` tag: tags are numbered in program order, so the first differing
    /// checksum line names the place.</summary>
    public Line Show() => Stmt($"_show('t{nextTag++}')");

    public Line Mix(Expr e) => Stmt("_mix({0})", e);

    public List<Stmt> Block(Scope s, int count)
    {
        var list = new List<Stmt>();
        for (int k = 0; k < count && s.Budget.Take(); k++) list.AddRange(One(s));
        return list;
    }

    IEnumerable<Stmt> One(Scope s)
    {
        bool nest = s.BlockDepth < 4;
        // A hot loop at the top of a body, or inside a short loop (entered compiled again and
        // again, with the types the previous round left).
        bool hot = s.LoopDepth == 0 || (s.LoopDepth == 1 && s.Work <= 6 && nest);
        bool loop = s.InLoopBody;
        int choice = rng.Weighted([
            10, // 0 assignment
            6,  // 1 checksum
            6,  // 2 mutation
            2,  // 3 augmented assignment
            nest ? 3 : 0, // 4 if
            nest ? 4 : 0, // 5 try
            hot ? (s.LoopDepth == 0 ? 6 : 2) : 0,  // 6 hot loop
            nest ? 2 : 0, // 7 small loop / for-in / while
            s.Counters.Count > 0 ? 5 : 0, // 8 phase change
            loop ? 1 : 0, // 9 break / continue
            2,  // 10 rebinding a global
            s.Safe ? 0 : 2, // 11 raise / assert
            s.Returns is null ? 0 : 1, // 12 early return
            1,  // 13 call for effect
            s.Prints || !s.InFunction ? 1 : 0, // 14 collection point
        ]);
        return choice switch
        {
            0 => Assign(s),
            1 => [Mix(exprs.Any(s, 3))],
            2 => Mutate(s),
            3 => Augmented(s),
            4 => [If(s)],
            5 => [Try(s)],
            6 => HotLoop(s),
            7 => SmallLoop(s),
            8 => PhaseChange(s),
            9 => [Compound.Of(Clause.Of("if {0}:", [Stmt(rng.Percent(50) ? "break" : "continue")], exprs.Cond(s, 2)))],
            10 => Rebind(s),
            11 => [Raise(s)],
            12 => [Compound.Of(Clause.Of("if {0}:", [Stmt("return {0}", exprs.Gen(s.Returns!.Value, s, 2))],
                exprs.Cond(s, 2)))],
            13 => CallForEffect(s),
            _ => [CollectionPoint(s)],
        };
    }
}
