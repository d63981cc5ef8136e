namespace Lbbv.Jit.Tests;

/// <summary>Inlined calls of leaf functions in traces run without a frame push (virtual frames,
/// docs/TRACING.md): the frame is pushed only on the way out of the inlined code.</summary>
[Collection("vm")] // one VM at a time: the JIT runtime and the class version are process-wide
public sealed class VirtualFrameTests
{
    private const string SpectralLoop = LeafInliningTests.SpectralLoop;

    [Fact]
    public void A_leaf_call_in_a_loop_pushes_no_frame()
    {
        using var run = new TraceRun(SpectralLoop);
        Assert.Equal("0.57960032\n", run.Stdout);
        Assert.True(run.Jit.VirtualFramesEmitted >= 1);
        Assert.InRange(run.Read(run.Jit.VirtualFrames), 4_900, 5_000);
        Assert.Equal(0, run.Read(run.Jit.FramesMaterialized));
    }

    [Fact]
    public void Without_virtual_frames_the_same_call_pushes_its_frame()
    {
        using var run = new TraceRun(SpectralLoop, TraceRun.Counting() with { VirtualFrames = false });
        Assert.Equal("0.57960032\n", run.Stdout);
        Assert.Equal(0, run.Jit.VirtualFramesEmitted);
        Assert.Equal(0, run.Read(run.Jit.VirtualFrames));
    }

    [Fact]
    public void An_exception_inside_a_virtual_frame_has_the_callees_line_in_its_traceback()
    {
        using var run = new TraceRun("""
            def ratio(a, b):
                return a // b
            def main():
                t = 0
                for i in range(3000, -1, -1):
                    t += ratio(1000, i)
                print(t)
            main()
            """);
        Assert.Equal(1, run.Status);
        Assert.Equal("", run.Stdout);
        Assert.Contains("line 6, in main", run.Stderr);
        Assert.Contains("line 2, in ratio", run.Stderr);
        Assert.EndsWith("ZeroDivisionError: integer division or modulo by zero\n", run.Stderr);
        Assert.True(run.Read(run.Jit.VirtualFrames) >= 1);
        Assert.Equal(1, run.Read(run.Jit.FramesMaterialized)); // the exit at i == 0 pushed it
    }

    [Fact]
    public void A_helper_call_inside_the_callee_pushes_the_frame_before_it()
    {
        using var run = new TraceRun("""
            def shout(s):
                return s + "!"
            def main():
                t = ""
                for i in range(500):
                    t = shout(t)
                print(len(t))
            main()
            """);
        Assert.Equal("500\n", run.Stdout);
        long entered = run.Read(run.Jit.VirtualFrames);
        Assert.True(entered >= 400);
        Assert.Equal(entered, run.Read(run.Jit.FramesMaterialized));
    }

    [Fact]
    public void Only_the_leaf_of_nested_inlined_calls_is_virtual()
    {
        using var run = new TraceRun("""
            def leaf(x):
                return x * 3
            def outer(x):
                return leaf(x) + 1
            def main():
                t = 0
                for i in range(3000):
                    t += outer(i)
                print(t)
            main()
            """);
        Assert.Equal("13498500\n", run.Stdout);
        long leafCalls = run.Read(run.Jit.VirtualFrames);
        Assert.InRange(leafCalls, 2_900, 3_000); // leaf's, not outer's
        Assert.Equal(0, run.Read(run.Jit.FramesMaterialized));
    }
}
