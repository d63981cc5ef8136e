using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Class knowledge in the type context (docs/LBBV.md): the class checked of a local's object
/// crosses a loop's back edge, and a method called on a self whose class is known enters a version
/// that knows it, so neither checks the class again; `--no-class-context` (ClassContext false) is
/// the same JIT without it.</summary>
[Collection("vm")]
public sealed class ClassContextTests
{
    private const int Iterations = 3000;

    private const string BackEdge = """
        class Acc:
            def __init__(self):
                self.step = 3
            def add_all(self, n):
                i = 0
                t = 0
                while i < n:
                    t += self.step
                    i += 1
                return t
        print(Acc().add_all(3000))
        """;

    private const string SelfCalls = """
        class Walker:
            def __init__(self):
                self.steps = 0
                self.size = 2
            def step(self):
                self.steps += self.size
                return self.steps
            def run(self, n):
                t = 0
                for i in range(n):
                    t = self.step()
                return t
        print(Walker().run(3000))
        """;

    private static LbbvOptions Options(bool classContext) =>
        JitRun.Eager() with { ClassContext = classContext, InlineLeafCalls = false };

    /// <summary>Runs <paramref name="source"/> with and without class context (same output expected)
    /// and returns the class checks each executed and the checks the context avoided.</summary>
    private static (long With, long Without, long Avoided) ClassChecks(string source, string output, out JitRun run)
    {
        run = new JitRun(source, Options(true));
        using var without = new JitRun(source, Options(false));
        Assert.Equal(output, run.Stdout);
        Assert.Equal(run.Stdout, without.Stdout);
        return (run.Jit.Read(run.Jit.ClassChecksExecuted), without.Jit.Read(without.Jit.ClassChecksExecuted),
            run.Jit.Read(run.Jit.ContextClassChecksAvoided));
    }

    [Fact]
    public void A_class_checked_in_a_loop_body_is_known_after_the_back_edge()
    {
        var (with, without, avoided) = ClassChecks(BackEdge, "9000\n", out var run);
        run.Dispose();
        // Without: self's class once per iteration (the header's block edge forgets it).
        Assert.True(without >= Iterations, $"{without} class checks without class context");
        Assert.True(with < Iterations / 10, $"{with} class checks with class context");
        Assert.True(avoided >= Iterations, $"{avoided} class checks avoided by the context");
    }

    [Fact]
    public void A_method_called_on_a_self_of_known_class_enters_a_version_that_knows_it()
    {
        var (with, without, avoided) = ClassChecks(SelfCalls, "6000\n", out var run);
        using var _ = run;
        // Without: step's entry checks self's class at every call, and so does run's LoadMethod (the
        // call before the back edge forgets self's class there).
        Assert.True(without >= 2 * Iterations, $"{without} class checks without class context");
        Assert.True(with <= without - Iterations, $"{with} class checks with class context");
        Assert.True(avoided >= Iterations, $"{avoided} class checks avoided by the context");
        Assert.Contains(run.Tier.Codes, cv => cv.Code.Code.QualName == "Walker.step"
            && cv.Blocks.SelectMany(b => b.Value).Concat(cv.Pruned).Any(v => v.Offset == 0 && v.Context.ClassOf(0) != 0));
    }
}
