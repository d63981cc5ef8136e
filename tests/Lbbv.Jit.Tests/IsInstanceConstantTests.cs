using Lbbv.Bytecode;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>`isinstance(v, (str, list, tuple))` (docs/LBBV.md): the tuple of builtin classes is built
/// once at compile time, and a call on a value of known type is a constant with no call at all.</summary>
[Collection("vm")]
public sealed class IsInstanceConstantTests
{
    private const string Source = """
        def count(values, n):
            hits = 0
            for r in range(n):
                for v in values:
                    if isinstance(v, (str, list, tuple)):
                        hits += 1
                i = r * 2
                if isinstance(i, (float, str)):
                    hits += 1000
                if isinstance(i, (int,)):
                    hits += 1
            return hits
        print(count(["a", 1, [2], (3,), 4.5, True], 2000))
        """;

    [Fact]
    public void The_class_tuple_is_a_constant_and_a_known_type_folds_the_call()
    {
        using var run = new JitRun(Source, new LbbvOptions { CountInCode = true });
        Assert.Equal("8000\n", run.Stdout);
        Assert.True(run.Jit.ConstantClassTuplesEmitted >= 3, $"{run.Jit.ConstantClassTuplesEmitted} constant tuples");
        Assert.True(run.Jit.IsInstanceFoldsEmitted >= 2, $"{run.Jit.IsInstanceFoldsEmitted} folds");
        // Only the loop over the list's mixed items still calls isinstance (six per round).
        long calls = run.Jit.HelperCallsByOp[(int)Opcode.Call];
        Assert.True(calls <= 6 * 2000 + 100, $"{calls} calls through the helper");
    }
}
