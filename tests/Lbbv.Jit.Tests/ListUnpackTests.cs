using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>`x, y, z = position` of a list that claims an element kind (docs/LBBV.md, "Class knowledge
/// in the type context", the corpus part): one guard on the list's count and kind, the items copied
/// typed, no helper call, and no test at each use; against the same run without list kinds.</summary>
[Collection("vm")]
public sealed class ListUnpackTests
{
    private const string Positions = """
        def spread(points):
            e = 0.0
            for p in points:
                x, y, z = p
                e += x * x + y * y + z * z
            return e
        points = [[0.5 * i, 1.5, -2.0] for i in range(100)]
        t = 0.0
        for r in range(20):
            t += spread(points)
        print(t)
        points[3].append(1.0)
        try:
            spread(points)
        except ValueError as e:
            print(e)
        """;

    private static LbbvOptions Options(bool kinds) => new() { CountInCode = true, ListElementKinds = kinds };

    [Fact]
    public void A_float_list_is_unpacked_behind_one_guard_and_its_items_need_no_test()
    {
        using var typed = new JitRun(Positions, Options(kinds: true));
        using var untyped = new JitRun(Positions, Options(kinds: false));
        Assert.Equal(untyped.Stdout, typed.Stdout);
        Assert.EndsWith("too many values to unpack (expected 3)\n", typed.Stdout);
        const int unpacks = 20 * 100;
        long items = typed.Jit.Read(typed.Jit.TypedItemLoads);
        Assert.True(items >= 3 * (unpacks - 100), $"{items} items loaded typed");
        long helpers = untyped.Jit.Read(untyped.Jit.HelperCalls) - typed.Jit.Read(typed.Jit.HelperCalls);
        Assert.True(helpers >= unpacks - 100, $"{helpers} helper calls saved");
        // Without: three tests per point (x, y, z at their first use); with: the one shape guard.
        long saved = untyped.TypeTestsExecuted - typed.TypeTestsExecuted;
        Assert.True(saved >= 2 * (unpacks - 100), $"{saved} type tests saved");
    }
}
