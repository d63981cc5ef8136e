namespace Lbbv.Jit.Tests;

/// <summary>Float locals kept in xmm12..xmm15 across loops that call an inlined leaf and read list items
/// (issue 19, branch `loopregs`, docs/JIT-CORE.md "Float locals across leaf calls and item reads"):
/// spectral_norm's `s += eval_a(i, j) * v[j]` neither loads nor stores `s` in its loop body, in both
/// JITs, and `--no-float-loop-registers` gives back the frame round trip.</summary>
[Collection("vm")] // one VM at a time: the JIT runtime and the class version are process-wide
public sealed class FloatLoopLeafCallTests
{
    private const string MulAv = SpectralMulAv.Program;
    private const string Expected = SpectralMulAv.Expected;

    /// <summary>The listing lines (stencil names and instructions) of the version of mul_av's loop body
    /// the back edge reaches, up to its jump back.</summary>
    private static string[] LbbvBody(bool floatLoopRegisters)
    {
        var options = JitRun.Eager() with
        {
            KeepListings = true, CallThreshold = 30, LoopThreshold = 30, LeafLoopFloatRegisters = floatLoopRegisters,
        };
        using var run = new JitRun(MulAv, options);
        Assert.Equal(Expected, run.Stdout);
        var lines = run.Tier.Backend.DisassembleAll().Split('\n');
        int start = Array.FindIndex(lines, l => l.StartsWith("; version ") && l.Contains(" of mul_av @18 ")
            && l.Contains(" depth-checked"));
        Assert.True(start > 0, "no version of the loop body in the listing");
        return [.. lines.Skip(start + 1).TakeWhile(l => l != ";   Control.Jump")];
    }

    private static string[] TraceBody(bool floatLoopRegisters)
    {
        using var run = new TraceRun(MulAv,
            TraceRun.Counting() with { KeepListings = true, LeafLoopFloatRegisters = floatLoopRegisters });
        Assert.Equal(Expected, run.Stdout);
        return [.. run.Tier.Backend.DisassembleAll().Split('\n')
            .SkipWhile(l => !(l.StartsWith("; trace ") && l.EndsWith(" loop body")))
            .TakeWhile(l => l != ";   Control.Jump")];
    }

    // `s` is local 4: its slot is [r12+40h], its register xmm12.
    private static bool TouchesS(string line) => line.Contains("; slot 4");

    [Fact]
    public void Lbbv_keeps_s_in_xmm12_across_the_leaf_call_the_item_read_and_the_back_edge()
    {
        var body = LbbvBody(floatLoopRegisters: true);
        Assert.DoesNotContain(body, TouchesS);
        Assert.Contains(body, l => l.Contains("[cached l4=xmm12"));
        // The leaf runs inline, in a virtual frame addressed from the caller's (no r12 move): its return
        // is the register move alone.
        Assert.Contains(body, l => l.StartsWith(";   Invoke.ReturnInPlace"));
        Assert.Contains(";   Sequence.ListGetFloat.m.xmm10", body);
        Assert.DoesNotContain(body, l => l.StartsWith(";   Xmm.Spill") || l.StartsWith(";   Xmm.Add.mr"));
    }

    [Fact]
    public void The_traces_loop_body_keeps_s_in_xmm12_too()
    {
        var body = TraceBody(floatLoopRegisters: true);
        Assert.True(body.Length > 0, "no loop body in the listing");
        Assert.DoesNotContain(body, TouchesS);
        Assert.Contains(body, l => l.Contains("[cached l4=xmm12"));
        // The leaf runs inline, in a virtual frame addressed from the caller's (no r12 move): its return
        // is the register move alone.
        Assert.Contains(body, l => l.StartsWith(";   Invoke.ReturnInPlace"));
    }

    [Fact]
    public void Without_float_loop_registers_s_goes_through_its_slot_every_iteration()
    {
        Assert.Contains(LbbvBody(floatLoopRegisters: false), TouchesS);
        Assert.Contains(TraceBody(floatLoopRegisters: false), TouchesS);
    }

    [Fact]
    public void Exits_from_inside_the_leaf_and_the_item_read_write_s_back()
    {
        // A zero divisor inside the leaf (its exit pushes the frame and finishes the call), an item that
        // is an int then a string, an index past the end: s must be exact wherever the loop leaves.
        const string source = """
            def f(i, j):
                return 1.0 / (i - j)
            def main():
                v = [0.5] * 20
                v[11] = 4
                out = []
                for i in (30, 7):
                    s = 0.25
                    try:
                        for j in range(25):
                            s += f(i, j) * v[j]
                    except Exception as e:
                        out.append((type(e).__name__, round(s, 9)))
                v[12] = "x"
                s = 0.0
                try:
                    for j in range(20):
                        s += f(40, j) * v[j]
                except TypeError as e:
                    out.append(("TypeError", round(s, 9)))
                print(out)
            main()
            """;
        const string expected = "[('IndexError', 0.967219965), ('ZeroDivisionError', 1.546428571), "
            + "('TypeError', 0.296375655)]\n";
        using var lbbv = new JitRun(source, JitRun.Eager());
        Assert.Equal(expected, lbbv.Stdout);
        using var trace = new TraceRun(source);
        Assert.Equal(expected, trace.Stdout);
    }
}
