namespace Lbbv.Jit.Tests;

/// <summary>spectral_norm's inner iteration `s += eval_a(i, j) * v[j]` (issue 19, branch `spectral`,
/// docs/JIT-CORE.md "The inner iteration of a leaf call over a float list"): the list's float item
/// loaded straight into a cache register (the call's result stays in its own), `s` left pending
/// across the virtual return, int arguments copied as payloads with their tags as immediates, and
/// (trace) the callee's proof of an argument given back to the caller's local.</summary>
[Collection("vm")] // one VM at a time: the JIT runtime and the class version are process-wide
public sealed class SpectralInnerLoopTests
{
    private const string MulAv = SpectralMulAv.Program;
    private const string Expected = SpectralMulAv.Expected;

    /// <summary>The stencils of the hot code of the version of mul_av that runs the call and the item
    /// load (the one that enters the virtual frame), compiled after 30 calls and back edges as by
    /// default (compiled at its first call, mul_av would not know its arguments are lists): with
    /// <paramref name="depthChecked"/> the version the loop's back edge reaches, whose frame's depth
    /// was checked in the first iteration, else the first iteration's.</summary>
    private static string[] InnerIteration(bool depthChecked = false, int offset = 18)
    {
        var lines = Listing().Split('\n');
        int start = depthChecked
            ? Array.FindIndex(lines, l => l.StartsWith("; version ") && l.Contains($" of mul_av @{offset} ")
                && l.Contains(" depth-checked"))
            : Array.FindIndex(lines, l => l.StartsWith("; version ") && l.Contains($" of mul_av @{offset} "));
        Assert.True(start > 0, "no version of the loop body in the listing");
        return [.. lines.Skip(start + 1).TakeWhile(l => l != ";   Control.Jump" && l != ";   Control.ReturnStatus")
            .Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @")).Select(l => l[4..].Trim())
            .Where(s => !s.StartsWith("Counter.") && s != "Invoke.CountCall")];
    }

    private static string Listing()
    {
        var options = JitRun.Eager() with { KeepListings = true, CallThreshold = 30, LoopThreshold = 30 };
        using var run = new JitRun(MulAv, options);
        Assert.Equal(Expected, run.Stdout);
        return run.Tier.Backend.DisassembleAll();
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
    public void The_int_arguments_are_read_from_the_callers_slots_and_r12_stays_on_them()
    {
        // Branch `peephole`: the callee's slots are addressed from the caller's r12 with its frame size
        // added (CodeUnitBuilder.SlotBias); no `add r12`/`sub r12` in the hot path, only the result's move.
        var inner = InnerIteration();
        Assert.DoesNotContain("Invoke.EnterAbove", inner);
        Assert.DoesNotContain(inner, s => s.StartsWith("Invoke.ReturnAbove"));
        Assert.Contains("Invoke.ReturnInPlace.xmm10.xmm9", inner);
        Assert.DoesNotContain(inner, s => s.StartsWith("Invoke.Argument") || s == "Invoke.EnterInlined");
        using var run = new JitRun(MulAv, JitRun.Eager());
        Assert.True(run.Jit.ArgumentsReadInPlaceEmitted >= 2);
    }

    [Fact]
    public void The_loop_checks_the_depth_once_and_never_the_frame_stacks_room()
    {
        // The first iteration's version checks the depth under the recursion limit; the version the
        // back edge reaches knows it was checked; no version checks for room (the frame stack's reserve).
        var first = InnerIteration();
        Assert.Equal("Invoke.DepthUnderLimit", first.First(s => s.StartsWith("Invoke.")));
        var loop = InnerIteration(depthChecked: true);
        Assert.Equal("Invoke.ReturnInPlace.xmm10.xmm9", loop.First(s => s.StartsWith("Invoke.")));
        Assert.DoesNotContain("Invoke.DepthUnderLimit", loop);
        Assert.DoesNotContain(Listing().Split('\n'), l => l.StartsWith(";   Invoke.EnterVirtual"));
    }

    [Fact]
    public void The_multiply_computes_in_its_first_operands_register_and_exits_from_the_leaf_move_r12_there()
    {
        // `(i + j) * (i + j + 1)`: `mov rax, rbx; imul rbx, r14; jno` (Gpr.Multiply.rr.rbx, golden file); the
        // listing's hot code has the callee's slots at the caller's frame size, and the cold paths of the
        // exits inside the callee start with Invoke.EnterAbove (r12 onto the callee's slots) before the push.
        var loop = InnerIteration(depthChecked: true);
        Assert.Contains("Gpr.Multiply.rr.rbx", loop);
        var lines = Listing().Split('\n');
        int version = Array.FindIndex(lines, l => l.StartsWith("; version ") && l.Contains(" of mul_av @18 ")
            && l.Contains(" depth-checked"));
        var hot = lines.Skip(version).TakeWhile(l => l != ";   Control.ReturnStatus").ToArray();
        var imul = hot.SkipWhile(l => l != ";   Gpr.Multiply.rr.rbx").Skip(1).Take(3).Select(Instruction).ToArray();
        Assert.Equal(["mov rax, rbx", "imul rbx, r14", "jno"], imul.Select(i => i.Split(" short")[0]).ToArray());
        Assert.Contains(lines, l => l == ";   Invoke.EnterAbove");
        using var trace = new TraceRun(MulAv);
        Assert.Equal(Expected, trace.Stdout);
    }

    /// <summary>The instruction of a listing line (after its address and bytes).</summary>
    private static string Instruction(string line) =>
        System.Text.RegularExpressions.Regex.Match(line, @"^\s+[0-9a-f]+\s+[0-9a-f]+\s+(.*)$").Groups[1].Value.Trim();

    [Fact]
    public void The_repeated_i_plus_j_is_a_register_move()
    {
        var loop = InnerIteration(depthChecked: true);
        Assert.Single(loop, s => s.StartsWith("Gpr.Add.mm."));
        Assert.Contains("Gpr.Move.r14.rbx", loop);
        using var trace = new TraceRun(MulAv);
        Assert.Equal(Expected, trace.Stdout);
        Assert.True(trace.Jit.RepeatedIntOpsReusedEmitted >= 1);
    }

    [Fact]
    public void The_back_edges_version_checks_no_class_version_and_writes_no_tag_of_j()
    {
        // Second pass (docs/LBBV.md, "The class version checked across block edges"): the first iteration
        // checked the class version (eval_a read as a constant) and called nothing, so the back edge's
        // versions know it; j keeps Int in the header's context, so its range step writes the payload only.
        var loop = InnerIteration(depthChecked: true);
        Assert.DoesNotContain("Guard.ClassVersion", loop);
        Assert.Contains("Guard.ClassVersion", InnerIteration());
        var header = InnerIteration(depthChecked: true, offset: 16);
        Assert.Contains("Iteration.RangeNextProven.PayloadOnly", header);
        Assert.DoesNotContain("Iteration.RangeNextProven", header);
        Assert.Contains(Listing().Split('\n'), l => l.StartsWith("; version ") && l.Contains(" of mul_av @18 ")
            && l.EndsWith(" class-version-checked"));
    }

    [Fact]
    public void The_divisor_is_tested_as_an_int_and_the_constant_comes_from_a_data_cell()
    {
        // `1.0 / (... + i + 1)`: test/jz on the int before its conversion, the division without the
        // float zero test, 1.0 loaded with one movsd from a cell (both JITs).
        var loop = InnerIteration(depthChecked: true);
        Assert.Contains("Gpr.NonZero.rbx", loop);
        Assert.Contains("Xmm.DivideByNonZero.rr.xmm10", loop);
        Assert.Contains("Xmm.ConstantCell.xmm10", loop);
        Assert.DoesNotContain(loop, s => s.StartsWith("Xmm.Divide.") || s.StartsWith("Xmm.Constant."));
        using var run = new TraceRun(MulAv, TraceRun.Counting() with { KeepListings = true });
        Assert.Equal(Expected, run.Stdout);
        var body = run.Tier.Backend.DisassembleAll().Split('\n')
            .SkipWhile(l => !(l.StartsWith("; trace ") && l.EndsWith(" loop body")))
            .TakeWhile(l => l != ";   Control.Jump").Where(l => l.StartsWith(";   "))
            .Select(l => l[4..].Trim()).ToArray();
        Assert.Contains("Gpr.NonZero.rbx", body);
        Assert.Contains("Xmm.DivideByNonZero.rr.xmm10", body);
        Assert.Contains("Xmm.ConstantCell.xmm10", body);
        Assert.True(run.Jit.DivisorsProvedNonZeroEmitted >= 1);
        Assert.True(run.Jit.FloatConstantsFromCellsEmitted >= 1);
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
        int enter = Array.FindIndex(body, s => s.StartsWith("Gpr.Add.mm."));
        Assert.True(enter > 0, "no inlined call in the loop body");
        int back = Array.FindIndex(body, s => s.StartsWith("Invoke.ReturnInPlace"));
        Assert.True(back > enter, "the inlined call does not return in place");
        Assert.DoesNotContain(body, s => s == "Invoke.EnterAbove" || s.StartsWith("Invoke.ReturnAbove"));
        Assert.DoesNotContain("Guard.Int", body[enter..back]);
        // The peeled preamble checked the depth: the body neither checks it nor copies the arguments.
        Assert.DoesNotContain(body, s => s.StartsWith("Invoke.Argument") || s.StartsWith("Invoke.DepthUnderLimit"));
        Assert.Single(body, s => s.StartsWith("Gpr.Add.mm."));
        // Its range step writes j's payload only: j holds an int from the iteration before.
        Assert.Contains("Iteration.RangeNextProven.PayloadOnly", body);
        Assert.True(run.Jit.RangeStepsPayloadOnlyEmitted >= 1);
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
