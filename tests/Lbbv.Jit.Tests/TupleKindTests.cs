using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Tuple element kinds (docs/LBBV.md): a tuple made with its items claims their kind, so
/// that `x, y = p` of a float pair is unpacked inline with one guard typing both values, and `p[0]`,
/// `p[1]` of a local tuple are typed by one guard; a pair of another kind fails the guard and goes
/// on correctly.</summary>
[Collection("vm")]
public sealed class TupleKindTests
{
    private const string FloatPairs = """
        def centroid(points):
            sx = 0.0
            sy = 0.0
            for p in points:
                x, y = p
                sx += x * y
                sy += y - x
            return sx, sy
        def norms(points):
            t = 0.0
            for p in points:
                t += p[0] * p[0] + p[1] * p[1]
            return t
        pts = [(i * 0.5, i * 0.25) for i in range(1000)]
        print(centroid(pts), norms(pts))
        pts[700] = (1.0, None)
        try:
            centroid(pts)
        except TypeError as e:
            print("TypeError", e)
        pts[700] = (3, 4)
        print(centroid(pts), norms(pts))
        """;

    private static LbbvOptions Options(bool kinds) => new() { CountInCode = true, ListElementKinds = kinds };

    [Fact]
    public void One_kind_guard_types_both_values_of_an_unpacked_float_pair()
    {
        using var typed = new JitRun(FloatPairs, Options(kinds: true));
        using var untyped = new JitRun(FloatPairs, Options(kinds: false));
        Assert.Equal(untyped.Stdout, typed.Stdout);
        Assert.Contains("TypeError", typed.Stdout);
        long guards = typed.Jit.Read(typed.Jit.TupleKindGuards);
        long loads = typed.Jit.Read(typed.Jit.TypedItemLoads);
        Assert.True(guards > 2500, $"{guards} tuple kind guards run"); // two loops over 1000 pairs, twice
        Assert.True(loads > 2 * guards - 100, $"{loads} typed item loads, {guards} guards");
        Assert.Equal(0, untyped.Jit.Read(untyped.Jit.TupleKindGuards));
        // Two value tests per pair (or a helper call's untyped values) became one kind guard.
        long saved = untyped.TypeTestsExecuted - typed.TypeTestsExecuted;
        Assert.True(saved >= guards / 2, $"{untyped.TypeTestsExecuted} type tests untyped, {typed.TypeTestsExecuted} typed");
    }

    private const string Machine = """
        def run(code, rounds):
            total = 0
            stack = []
            for _ in range(rounds):
                for instr in code:
                    op, arg = instr
                    if op == "push":
                        stack.append(arg)
                    elif op == "add":
                        b = stack.pop()
                        a = stack.pop()
                        stack.append(a + b)
                    else:
                        total += stack.pop()
            return total
        code = [("push", 3), ("push", 4.5), ("add", None), ("pop", 0)] * 25
        print(run(code, 40))
        code[3] = ("pop", 0, "extra")
        try:
            run(code, 1)
        except ValueError as e:
            print(e)
        """;

    [Fact]
    public void A_tuple_of_mixed_kinds_is_unpacked_without_a_helper_call()
    {
        using var inline = new JitRun(Machine, Options(kinds: true));
        using var helper = new JitRun(Machine, Options(kinds: false));
        Assert.Equal("7500.0\ntoo many values to unpack (expected 2)\n", inline.Stdout);
        Assert.Equal(helper.Stdout, inline.Stdout);
        long unpacks = inline.Jit.Read(inline.Jit.UntypedTupleUnpacks);
        Assert.True(unpacks > 3500, $"{unpacks} tuples unpacked inline"); // 4,000 in all, most in machine code
        Assert.Equal(0, helper.Jit.Read(helper.Jit.UntypedTupleUnpacks));
        long saved = helper.Jit.Read(helper.Jit.HelperCalls) - inline.Jit.Read(inline.Jit.HelperCalls);
        Assert.True(saved >= unpacks - 100, $"{saved} helper calls saved, {unpacks} inline unpacks");
    }
}
