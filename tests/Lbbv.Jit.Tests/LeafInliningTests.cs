namespace Lbbv.Jit.Tests;

/// <summary>LBBV runs calls of small straight-line leaf functions with int or float arguments inline,
/// in a virtual frame (docs/JIT-CORE.md): no frame push, and every way off the inlined code pushes
/// the frame and finishes the call in the interpreter.</summary>
[Collection("vm")] // one VM at a time: the JIT runtime and the class version are process-wide
public sealed class LeafInliningTests
{
    /// <summary>spectral_norm's eval_a called in a loop (VirtualFrameTests runs it traced).</summary>
    internal const string SpectralLoop = """
        def eval_a(i, j):
            return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
        def main():
            s = 0.0
            for i in range(5000):
                s += eval_a(i, 3)
            print(round(s, 9))
        main()
        """;

    [Fact]
    public void A_leaf_call_in_a_loop_runs_inline_without_a_frame()
    {
        using var run = new JitRun(SpectralLoop, JitRun.Eager());
        Assert.Equal("0.57960032\n", run.Stdout);
        Assert.True(run.Jit.VirtualFramesEmitted >= 1);
        Assert.InRange(run.Jit.Read(run.Jit.VirtualFrames), 4_999, 5_000);
        Assert.Equal(0, run.Jit.Read(run.Jit.FramesMaterialized));
        Assert.Equal(1, run.Jit.Read(run.Jit.DirectCalls)); // main()
    }

    [Fact]
    public void Without_inlining_the_same_call_is_a_direct_call()
    {
        using var run = new JitRun(SpectralLoop, JitRun.Eager() with { InlineLeafCalls = false });
        Assert.Equal("0.57960032\n", run.Stdout);
        Assert.Equal(0, run.Jit.VirtualFramesEmitted);
        Assert.InRange(run.Jit.Read(run.Jit.DirectCalls), 5_000, 5_001); // and main()
    }

    [Fact]
    public void An_exception_inside_an_inlined_callee_has_both_lines_in_its_traceback()
    {
        using var run = new JitRun("""
            def ratio(a, b):
                return a // b
            def main():
                t = 0
                for i in range(300, -1, -1):
                    t += ratio(1000, i)
                print(t)
            main()
            """, JitRun.Eager());
        Assert.Equal(1, run.Status);
        Assert.Equal("", run.Stdout);
        int main = run.Stderr.IndexOf("line 6, in main", StringComparison.Ordinal);
        int ratio = run.Stderr.IndexOf("line 2, in ratio", StringComparison.Ordinal);
        Assert.True(main > 0 && ratio > main, run.Stderr);
        Assert.EndsWith("ZeroDivisionError: integer division or modulo by zero\n", run.Stderr);
        Assert.Equal(1, run.Jit.Read(run.Jit.FramesMaterialized)); // the exit at i == 0 pushed it
    }

    [Fact]
    public void An_overflow_inside_an_inlined_callee_is_finished_by_the_interpreter_and_the_loop_goes_on()
    {
        using var run = new JitRun("""
            def square(x):
                return x * x
            def main():
                x = 3
                n = 0
                for i in range(200):
                    x = square(x) % 1000000007 if i % 2 else square(x + 3037000500)
                    n += x % 7
                print(x, n)
            main()
            """, JitRun.Eager());
        Assert.Equal("", run.Stderr);
        Assert.Equal(ExpectedOverflowOutput(), run.Stdout);
        Assert.True(run.Jit.Read(run.Jit.FramesMaterialized) >= 1);
    }

    private static string ExpectedOverflowOutput()
    {
        System.Numerics.BigInteger x = 3;
        long n = 0;
        for (int i = 0; i < 200; i++)
        {
            x = i % 2 == 1 ? x * x % 1000000007 : (x + 3037000500) * (x + 3037000500);
            n += (long)(x % 7);
        }
        return $"{x} {n}\n";
    }

    [Fact]
    public void A_callee_rebound_mid_loop_is_called_again()
    {
        using var run = new JitRun("""
            def f(x):
                return x + 1
            def g(x):
                return x * 2
            def main():
                global f
                t = 0
                for i in range(1000):
                    if i == 500:
                        f = g
                    t += f(i)
                print(t)
            main()
            """, JitRun.Eager());
        Assert.Equal($"{Enumerable.Range(0, 1000).Sum(i => i < 500 ? i + 1 : i * 2)}\n", run.Stdout);
    }
}
