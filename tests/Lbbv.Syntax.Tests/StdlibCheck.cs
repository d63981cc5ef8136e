namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

/// <summary>A manual robustness check: set LBBV_STDLIB_DIR to a directory of *.py files with *.py.expected
/// dumps (see gen_expected.py's Dumper) to compare every file that stays inside the subset.</summary>
public sealed class StdlibCheck
{
    [Fact]
    public void ParsesDirectoryLikeCPython()
    {
        var dir = Environment.GetEnvironmentVariable("LBBV_STDLIB_DIR");
        if (dir == null) return;
        var failures = new List<string>();
        int ok = 0, unsupported = 0;
        var features = new List<string>();
        foreach (var f in Directory.GetFiles(dir, "*.py").Order())
        {
            try
            {
                var m = Parser.ParseModule(File.ReadAllText(f), f);
                var exp = File.ReadAllText(f + ".expected").Split('\n');
                var act = AstDumper.Dump(m).Split('\n');
                int i = 0;
                while (i < exp.Length && i < act.Length && exp[i] == act[i]) i++;
                if (i == exp.Length && i == act.Length) ok++;
                else failures.Add($"{Path.GetFileName(f)}: stmt {i + 1}\n  exp {Trim(exp, i)}\n  act {Trim(act, i)}");
            }
            catch (NotSupportedFeatureError e) { unsupported++; features.Add($"{Path.GetFileName(f)}:{e.Line} {e.Feature}"); }
            catch (Exception e) { failures.Add($"{Path.GetFileName(f)}: {e.GetType().Name} {e.Message} {(e as PySyntaxError)?.Line}"); }
        }
        Assert.True(failures.Count == 0 && Environment.GetEnvironmentVariable("LBBV_STDLIB_VERBOSE") == null, $"ok {ok}, unsupported {unsupported}, failed {failures.Count}\n" + string.Join("\n", failures.Take(15)) + "\n" + string.Join("; ", features));
    }

    private static string Trim(string[] lines, int i) => i < lines.Length ? lines[i][..Math.Min(400, lines[i].Length)] : "<none>";
}
