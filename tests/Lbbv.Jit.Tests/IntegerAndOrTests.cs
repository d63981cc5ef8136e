using Lbbv.Bytecode;

namespace Lbbv.Jit.Tests;

/// <summary>`x or y` and `x and y` (JumpIfTrueOrPop, JumpIfFalseOrPop) on an int that may be big
/// (Integer): tested inline, where they used to leave to the interpreter at every execution.</summary>
[Collection("vm")]
public sealed class IntegerAndOrTests
{
    [Fact]
    public void Or_and_and_on_an_int_that_may_be_big_stay_in_machine_code()
    {
        using var run = new JitRun("""
            def f(n):
                t = 0
                a = 1
                for i in range(n):
                    a = a * 3
                    if i % 50 == 0:
                        a = i & 3
                    t += (a and 2) or i
                    t += (a % 5 or 1) % 7
                return t
            print(f(2000))
            """, JitRun.Eager());
        Assert.Equal(0, run.Status);
        Assert.Equal("979960\n", run.Stdout);
        Assert.Equal(0, run.Jit.ExitsSeen[(int)ExitReason.Unsupported]);
    }
}
