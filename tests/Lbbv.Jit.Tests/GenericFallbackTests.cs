using Lbbv.Bytecode;

namespace Lbbv.Jit.Tests;

/// <summary>The generic fallback: ops the JIT does not specialize run through Interpreter.Step.</summary>
[Collection("vm")]
public sealed class GenericFallbackTests
{
    [Fact]
    public void An_exception_raised_by_a_helper_run_op_is_caught_by_the_handler_of_the_same_frame()
    {
        using var run = new JitRun("""
            def f(n):
                hits = 0
                for i in range(n):
                    try:
                        hits += {1: 1}[i % 2]
                    except KeyError:
                        hits += 10
                return hits
            print(f(100))
            """, JitRun.Eager());
        Assert.Equal("550\n", run.Stdout);
        Assert.True(run.Jit.HelperCallsByOp[(int)Opcode.BinarySubscr] >= 100);
        Assert.True(run.Jit.ExitsSeen[(int)ExitReason.Handled] >= 50);
        Assert.Equal(0, run.Jit.ExitsSeen[(int)ExitReason.Unsupported]);
    }

    [Fact]
    public void Ops_once_left_to_the_interpreter_run_in_machine_code()
    {
        using var run = new JitRun("""
            def g(a, b=1):
                return a + b
            def f(n):
                t = 0
                for i in range(n):
                    args = (i,)
                    s = {i, i + 1}
                    a, *rest = [i, i, i]
                    t += g(*args) + len(s) + len(rest)
                return t
            print(f(50))
            """, JitRun.Eager());
        Assert.Equal("1475\n", run.Stdout);
        Assert.True(run.Jit.HelperCallsByOp[(int)Opcode.CallEx] >= 50);
        Assert.True(run.Jit.HelperCallsByOp[(int)Opcode.BuildSet] >= 50);
        Assert.True(run.Jit.HelperCallsByOp[(int)Opcode.UnpackEx] >= 50);
        Assert.Equal(0, run.Jit.ExitsSeen[(int)ExitReason.Unsupported]);
    }

    [Fact]
    public void A_truth_test_that_raises_runs_once_and_is_handled_in_the_frame()
    {
        using var run = new JitRun("""
            class T:
                calls = 0
                def __bool__(self):
                    T.calls += 1
                    raise ValueError("no")
            def f(n):
                caught = 0
                t = T()
                for i in range(n):
                    try:
                        if t:
                            caught -= 1
                    except ValueError:
                        caught += 1
                return caught
            print(f(40), T.calls)
            """, JitRun.Eager());
        Assert.Equal("40 40\n", run.Stdout);
        Assert.True(run.Jit.ExitsSeen[(int)ExitReason.Handled] >= 40);
    }
}
