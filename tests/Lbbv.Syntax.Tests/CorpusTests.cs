namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

/// <summary>Each Corpus/*.py parses to the same tree as CPython's `ast` (Corpus/*.py.expected, made by
/// gen_expected.py). On a mismatch the first differing statement is shown.</summary>
public sealed class CorpusTests
{
    private static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.py").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MatchesCPythonAst(string file)
    {
        var source = File.ReadAllText(Path.Combine(CorpusDir, file));
        var expected = File.ReadAllText(Path.Combine(CorpusDir, file + ".expected")).Split('\n');
        Module module;
        try
        {
            module = Parser.ParseModule(source, file);
        }
        catch (PySyntaxError e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Kind} at {e.Line}:{e.Col}: {e.Message}\n{e.SourceLine}");
        }
        var actual = AstDumper.Dump(module).Split('\n');
        for (int i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "<none>";
            var a = i < actual.Length ? actual[i] : "<none>";
            Assert.True(e == a, $"statement {i + 1}:\nexpected {e}\nactual   {a}");
        }
    }
}
