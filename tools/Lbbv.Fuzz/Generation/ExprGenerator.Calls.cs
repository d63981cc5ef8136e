using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Generation;

public sealed partial class ExprGenerator
{
    static readonly string[] ParameterNames = ["a", "b", "c"];

    /// <summary>A call of a generated function whose result has the category (any, for Any), or of
    /// rec/gen; null when none fits (none callable here, or too much work inside this loop).</summary>
    Expr? Call(Cat want, Scope s, int d)
    {
        if (want == Cat.Num && world.HasGenerator && s.CallableFunctions > 0 && rng.Percent(15))
            return E($"sum(gen({rng.Between(0, 9)}))");
        if (want == Cat.List && world.HasGenerator && s.CallableFunctions > 0 && rng.Percent(25))
            return E($"list(gen({rng.Between(0, 6)}))");
        if (want == Cat.Any && world.HasRecursive && s.CallableFunctions > 0 && rng.Percent(15)
            && s.Work * 30 <= World.WorkLimit)
            return E($"rec({rng.Between(0, 25)}, {{0}})", Scalar(s));
        var candidates = world.Functions.Take(s.CallableFunctions)
            .Where(f => (want == Cat.Any || f.Returns == want) && (!f.MayRaise || !s.Safe)
                && (long)s.Work * f.Cost <= World.WorkLimit)
            .ToList();
        if (candidates.Count == 0) return null;
        var callee = rng.Pick(candidates);
        s.Budget.Note(s.Work * callee.Cost);
        var args = callee.Parameters.Select(p => Argument(p, s, d)).ToArray();
        var holes = Enumerable.Range(0, args.Length).Select(i => "{" + i + "}").ToList();
        // Sometimes pass the last argument by keyword: another calling convention for the same site.
        if (holes.Count > 0 && rng.Percent(20)) holes[^1] = ParameterNames[holes.Count - 1] + "=" + holes[^1];
        return E(callee.Name + "(" + string.Join(", ", holes) + ")", args);
    }

    /// <summary>An argument for a parameter of the category. Any parameters take any value: a hot
    /// callee sees its argument types change from call to call.</summary>
    Expr Argument(Cat parameter, Scope s, int d) => parameter == Cat.Any ? Any(s, d) : Gen(parameter, s, d);
}
