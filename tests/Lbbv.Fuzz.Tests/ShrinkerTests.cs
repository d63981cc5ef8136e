using Lbbv.Fuzz.Generation;
using Lbbv.Fuzz.Model;
using Lbbv.Fuzz.Shrinking;

namespace Lbbv.Fuzz.Tests;

public sealed class ShrinkerTests
{
    /// <summary>A generated program with one marked statement deep in a function: the "failure" is
    /// that the marker is printed. Shrinking keeps only what that needs.</summary>
    [Fact]
    public void Shrinking_keeps_only_what_the_failure_needs()
    {
        var program = ProgramGenerator.Generate(7);
        var marked = Mark(program);
        Assert.NotEqual(program, marked);
        static bool Fails(string text) => text.Contains("'BUG'") && text.Contains("(2**63)");
        var shrinker = new Shrinker(Fails, TimeSpan.FromMinutes(2), 100_000);
        string shrunk = shrinker.Shrink(marked);
        Assert.Equal("print(_r(((2**63) + 'BUG')))\n", shrunk);
    }

    /// <summary>Loop counts and other int literals shrink to the smallest value that still fails.</summary>
    [Fact]
    public void Integer_literals_shrink()
    {
        var loop = Clause.Of("for i in range({0}):", [Line.Of("_mix(i)")], Expr.Leaf("300"));
        var program = new PyProgram([Compound.Of(loop)]);
        static bool Fails(string text) =>
            System.Text.RegularExpressions.Regex.Match(text, @"range\((\d+)\)") is { Success: true } m
            && int.Parse(m.Groups[1].Value) >= 37;
        string shrunk = new Shrinker(Fails, TimeSpan.FromMinutes(1), 10_000).Shrink(program);
        Assert.Contains("range(37)", shrunk);
    }

    [Fact]
    public void Line_reduction_removes_lines_the_failure_does_not_need()
    {
        string text = "a = 1\nb = 2\nif a:\n    c = 3\n    d = 4\nprint(d)\n";
        static bool Fails(string t) => t.Contains("d = 4") && t.Contains("print(d)");
        Assert.Equal("    d = 4\nprint(d)\n", LineReducer.Reduce(text, Fails, () => false));
    }

    /// <summary>Puts `_mix((2**63) + 'BUG')` in the middle of the first nested block (a function or
    /// class body, a loop's or an if's) that holds a compound statement.</summary>
    static PyProgram Mark(PyProgram program)
    {
        var marker = Line.Of("_mix({0})", Expr.Of("({0} + {1})", Expr.Leaf("(2**63)"), Expr.Leaf("'BUG'")));
        foreach (var (block, rebuild) in TreeEdits.Blocks(program).Skip(1))
            if (block.Length > 2 && block.Any(s => s is Compound))
                return rebuild(block.Insert(block.Length / 2, marker));
        throw new InvalidOperationException("no nested block");
    }
}
