using System.Text.RegularExpressions;
using Lbbv.Bytecode.Compiler;
using Lbbv.Fuzz.Generation;
using Lbbv.Syntax;

namespace Lbbv.Fuzz.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void A_seed_names_one_program()
    {
        for (long seed = 0; seed < 20; seed++)
            Assert.Equal(ProgramGenerator.Generate(seed).Render(), ProgramGenerator.Generate(seed).Render());
        Assert.NotEqual(ProgramGenerator.Generate(1).Render(), ProgramGenerator.Generate(2).Render());
    }

    /// <summary>Every program parses and compiles: no construct outside Lbbv's subset.</summary>
    [Fact]
    public void Programs_stay_inside_the_subset()
    {
        for (long seed = 0; seed < 300; seed++)
        {
            string text = ProgramGenerator.Generate(seed).Render();
            var module = Parser.ParseModule(text, $"seed_{seed}.py");
            Assert.NotNull(ModuleCompiler.Compile(module));
        }
    }

    /// <summary>The programs exercise what the fuzzer is for: hot loops, type changes inside them,
    /// try/except, polymorphic calls and rebinding, in most seeds.</summary>
    [Fact]
    public void Programs_cover_the_constructs_the_fuzzer_is_for()
    {
        var texts = Enumerable.Range(0, 100).Select(s => ProgramGenerator.Generate(s).Render()).ToList();
        int Count(Func<string, bool> has) => texts.Count(has);
        Assert.True(Count(t => Regex.IsMatch(t, @"in range\((3[1-9]|[4-9]\d|[12]\d\d|300)\)")) >= 90);
        Assert.True(Count(t => t.Contains("except Exception as e:")) >= 90);
        Assert.True(Count(t => t.Contains(".m(")) >= 50);
        // Rebinding inside a function or loop (indented), besides the module's first binding.
        Assert.True(Count(t => Regex.IsMatch(t, @"^\s+g = g[A-C]$", RegexOptions.Multiline)) >= 20);
        Assert.True(Count(t => Regex.IsMatch(t, @"^\s+G = K\d$", RegexOptions.Multiline)) >= 20);
        Assert.True(Count(t => t.Contains("float('nan')") || t.Contains("float('inf')")) >= 50);
        Assert.True(Count(t => t.Contains("(2**63)") || t.Contains("(2**64)")) >= 80);
    }
}
