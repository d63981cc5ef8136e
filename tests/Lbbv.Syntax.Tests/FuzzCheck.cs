namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

/// <summary>A manual check: LBBV_FUZZ_DIR holds errors.txt/errors.expected in the format of the error
/// tests (for example mutated real code, with CPython's verdicts); every case is compared.</summary>
public sealed class FuzzCheck
{
    [Fact]
    public void MatchesCPythonOnMutatedCode()
    {
        var dir = Environment.GetEnvironmentVariable("LBBV_FUZZ_DIR");
        if (dir == null) return;
        var cases = File.ReadAllText(Path.Combine(dir, "errors.txt")).Split("\n#---\n");
        var expected = File.ReadAllLines(Path.Combine(dir, "errors.expected"));
        var failures = new List<string>();
        for (int i = 0; i < cases.Length; i++)
        {
            string actual;
            try
            {
                Parser.ParseModule(cases[i], "f.py");
                actual = "<no error>";
            }
            catch (PySyntaxError e) { actual = $"{e.Kind}|{e.Line}|{e.Message}"; }
            catch (NotSupportedFeatureError e) { actual = $"NotSupported|{e.Line}|{e.Feature}"; }
            catch (Exception e) { actual = $"CRASH {e.GetType().Name}: {e.Message}"; }
            if (actual != expected[i]) failures.Add($"#{i}: expected {expected[i]}\n   actual   {actual}\n   {cases[i].Replace("\n", "\\n")[..Math.Min(200, cases[i].Length)]}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count}/{cases.Length} differ\n" + string.Join("\n", failures.Take(40)));
    }
}
