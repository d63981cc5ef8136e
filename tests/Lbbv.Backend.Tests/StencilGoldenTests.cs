using System.Runtime.CompilerServices;
using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Tests;

/// <summary>
/// Every stencil's bytes, holes and disassembly against Golden/stencils.txt. To accept a change,
/// run ./regenerate-golden.sh (it sets LBBV_REGENERATE_GOLDEN=1) and review the diff.
/// </summary>
public sealed class StencilGoldenTests
{
    private static string GoldenPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", "stencils.txt");

    [Fact]
    public void Stencils_match_golden_file()
    {
        string actual = StencilLibrary.For(TestLayout.Layout).RenderGolden();
        string path = GoldenPath();
        if (Environment.GetEnvironmentVariable("LBBV_REGENERATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"missing {path}: run ./regenerate-golden.sh");
        string expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            int first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length))
                .FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"stencils differ from {path} at line {first + 1}:\n expected: {expectedLines.ElementAtOrDefault(first)}\n actual:   {actualLines.ElementAtOrDefault(first)}\nRun ./regenerate-golden.sh if the change is intended.");
        }
    }
}
