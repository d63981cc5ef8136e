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

    [Fact]
    public void A_class_checked_in_a_loop_body_is_known_after_the_back_edge()
    {
        using var with = new JitRun(BackEdge, Options(true));
        using var without = new JitRun(BackEdge, Options(false));
        Assert.Equal("9000\n", with.Stdout);
        Assert.Equal(with.Stdout, without.Stdout);
        long checksWith = with.Jit.Read(with.Jit.ClassChecksExecuted);
        long checksWithout = without.Jit.Read(without.Jit.ClassChecksExecuted);
        // Without: self's class once per iteration (the header's block edge forgets it).
        Assert.True(checksWithout >= Iterations, $"{checksWithout} class checks without class context");
        Assert.True(checksWith < Iterations / 10, $"{checksWith} class checks with class context");
        long avoided = with.Jit.Read(with.Jit.ContextClassChecksAvoided);
        Assert.True(avoided >= Iterations, $"{avoided} class checks avoided by the context");
    }

    [Fact]
    public void A_method_called_on_a_self_of_known_class_enters_a_version_that_knows_it()
    {
        using var with = new JitRun(SelfCalls, Options(true));
        using var without = new JitRun(SelfCalls, Options(false));
        Assert.Equal("6000\n", with.Stdout);
        Assert.Equal(with.Stdout, without.Stdout);
        long checksWith = with.Jit.Read(with.Jit.ClassChecksExecuted);
        long checksWithout = without.Jit.Read(without.Jit.ClassChecksExecuted);
        // Without: step's entry checks self's class at every call, and so does run's LoadMethod (the
        // call before the back edge forgets self's class there).
        Assert.True(checksWithout >= 2 * Iterations, $"{checksWithout} class checks without class context");
        Assert.True(checksWith <= checksWithout - Iterations, $"{checksWith} class checks with class context");
        long avoided = with.Jit.Read(with.Jit.ContextClassChecksAvoided);
        Assert.True(avoided >= Iterations, $"{avoided} class checks avoided by the context");
        Assert.Contains(with.Tier.Codes, cv => cv.Code.Code.QualName == "Walker.step"
            && cv.Blocks.SelectMany(b => b.Value).Concat(cv.Pruned).Any(v => v.Offset == 0 && v.Context.ClassOf(0) != 0));
    }
}
