using Lbbv.Bytecode;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>`x is None` as a value is a tag compare in machine code, not the interpreter's IsOp run
/// by the generic helper (tests/programs/jit_is_none_values for its answers).</summary>
[Collection("vm")]
public sealed class IdentityOpTests
{
    private const string Visible = """
        class Shape:
            def __init__(self, size):
                self.size = size
            def visible(self):
                return self.size is not None
        shapes = [Shape(None if i % 3 == 0 else i) for i in range(100)]
        def count(n):
            c = 0
            for k in range(n):
                for s in shapes:
                    if s.visible():
                        c += 1
            return c
        print(count(30))
        """;

    [Fact]
    public void Is_none_as_a_value_runs_without_a_helper()
    {
        using var run = new JitRun(Visible, new LbbvOptions { CountInCode = true });
        Assert.Equal("1980\n", run.Stdout);
        Assert.Equal(0, run.Jit.HelperCallsByOp[(int)Opcode.IsOp]);
    }
}
