namespace Lbbv.Jit.Tests;

/// <summary>spectral_norm's inner iteration `s += eval_a(i, j) * v[j]` (issue 19, branch `spectral`,
/// docs/JIT-CORE.md "The inner iteration of a leaf call over a float list"): the list's float item
/// loaded straight into a cache register (the call's result stays in its own), `s` left pending
/// across the virtual return, int arguments copied as payloads with their tags as immediates, and
/// (trace) the callee's proof of an argument given back to the caller's local.</summary>
[Collection("vm")] // one VM at a time: the JIT runtime and the class version are process-wide
public sealed class SpectralInnerLoopTests
{
    private const string MulAv = """
        def eval_a(i, j):
            return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)
        def mul_av(v, out):
            n = len(v)
            for i in range(n):
                s = 0.0
                for j in range(n):
                    s += eval_a(i, j) * v[j]
                out[i] = s
        def main():
            v = [1.0] * 60
            out = [0.0] * 60
            for _ in range(3):
                mul_av(v, out)
                v, out = out, v
            print(round(sum(v), 9))
        main()
        """;

    private const string Expected = "8.897058678\n";

    /// <summary>The stencils of the hot code of the version of mul_av that runs the call and the item
    /// load (the one that enters the virtual frame), compiled after 30 calls and back edges as by
    /// default (compiled at its first call, mul_av would not know its arguments are lists).</summary>
    private static string[] InnerIteration()
    {
        var options = JitRun.Eager() with { KeepListings = true, CallThreshold = 30, LoopThreshold = 30 };
        string listing;
        using (var run = new JitRun(MulAv, options))
        {
            Assert.Equal(Expected, run.Stdout);
            listing = run.Tier.Backend.DisassembleAll();
        }
        var lines = listing.Split('\n');
        int start = Array.FindIndex(lines, l => l.Contains("Invoke.EnterVirtual"));
        Assert.True(start > 0, "no inlined call in the listing");
        return [.. lines.Skip(start).TakeWhile(l => l != ";   Control.Jump" && l != ";   Control.ReturnStatus")
            .Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @")).Select(l => l[4..].Trim())
            .Where(s => !s.StartsWith("Counter.") && s != "Invoke.CountCall")];
    }

    [Fact]
    public void The_float_item_goes_straight_into_a_register_and_the_result_stays_in_its_own()
    {
        var inner = InnerIteration();
        Assert.Contains("Sequence.ListGetFloat.m.xmm10", inner);
        Assert.Contains("Xmm.Multiply.rr.xmm9", inner);
        // No spill of the call's result, no item written to the frame, no separate tag test.
        Assert.DoesNotContain(inner, s => s.StartsWith("Xmm.Spill.xmm9"));
        Assert.DoesNotContain(inner, s => s.StartsWith("Sequence.ListGetItem"));
        Assert.DoesNotContain("Guard.Float", inner);
    }

    [Fact]
    public void The_pending_copy_of_s_is_not_written_after_the_return()
    {
        var inner = InnerIteration();
        Assert.DoesNotContain("Frame.Move", inner);
        using var run = new JitRun(MulAv, JitRun.Eager());
        Assert.Equal(Expected, run.Stdout);
        Assert.True(run.Jit.PendingKeptAcrossReturnsEmitted >= 1);
    }

    [Fact]
    public void The_int_arguments_are_copied_as_payloads_with_their_tags_as_immediates()
    {
        var inner = InnerIteration();
        Assert.Equal("Invoke.EnterVirtual", inner[0]);
        Assert.Equal(2, inner.Count(s => s == "Invoke.ArgumentTyped"));
        Assert.DoesNotContain("Invoke.Argument", inner);
    }

    [Fact]
    public void Both_jits_count_the_mechanisms_and_print_what_the_interpreter_prints()
    {
        using var lbbv = new JitRun(MulAv, JitRun.Eager());
        Assert.Equal(Expected, lbbv.Stdout);
        Assert.True(lbbv.Jit.FloatItemLoadsEmitted >= 1);
        using var trace = new TraceRun(MulAv);
        Assert.Equal(Expected, trace.Stdout);
        Assert.True(trace.Jit.FloatItemLoadsEmitted >= 1);
    }

    [Fact]
    public void A_traced_callee_gives_the_type_it_proved_of_i_back_to_the_callers_local()
    {
        using var run = new TraceRun(MulAv, TraceRun.Counting() with { KeepListings = true });
        Assert.Equal(Expected, run.Stdout);
        Assert.True(run.Jit.ArgumentTypesGivenBackEmitted >= 1);
        var listing = run.Tier.Backend.DisassembleAll();
        // The loop body of mul_av's trace: both arguments typed, no test of i inside the callee.
        var body = listing.Split('\n').SkipWhile(l => !(l.StartsWith("; trace ") && l.EndsWith(" loop body")))
            .TakeWhile(l => l != ";   Control.Jump").Where(l => l.StartsWith(";   ")).Select(l => l[4..].Trim()).ToArray();
        int enter = Array.IndexOf(body, "Invoke.EnterInlined");
        Assert.True(enter > 0, "no inlined call in the loop body");
        Assert.Equal(["Invoke.ArgumentTyped", "Invoke.ArgumentTyped"], body[(enter - 2)..enter]);
        int back = Array.FindIndex(body, s => s.StartsWith("Invoke.ReturnVirtual"));
        Assert.DoesNotContain("Guard.Int", body[enter..back]);
    }

    [Fact]
    public void An_item_that_is_not_a_float_or_out_of_range_fails_as_a_guard_and_the_op_runs_as_before()
    {
        const string source = """
            def scale(x, k):
                return x * k + 1.0
            def main():
                v = [0.5] * 50
                t = 0.0
                for r in range(4):
                    if r == 2:
                        v[7] = 3
                    if r == 3:
                        v[9] = "s"
                    for j in range(50):
                        try:
                            t += scale(2.0, j) * v[j]
                        except TypeError:
                            t -= 1.0
                    for j in range(-3, 0):
                        t += 1.5 * v[j]
                print(t)
                try:
                    print(0.5 * v[50])
                except IndexError as e:
                    print("IndexError", e)
            main()
            """;
        using var lbbv = new JitRun(source, JitRun.Eager());
        using var trace = new TraceRun(source);
        const string expected = "5073.5\nIndexError list index out of range\n";
        Assert.Equal(expected, lbbv.Stdout);
        Assert.Equal(expected, trace.Stdout);
        Assert.True(lbbv.Jit.FloatItemLoadsEmitted >= 1);
    }
}
