namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

/// <summary>Each case of errors.txt raises the same error kind, message and line as CPython 3.11
/// (errors.expected, made by gen_expected.py).</summary>
public sealed class ErrorTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        int n = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "errors.expected")).Length;
        for (int i = 0; i < n; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesCPython(int index)
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "errors.txt")).Split("\n#---\n")[index];
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "errors.expected"))[index];
        var e = Assert.Throws<PySyntaxError>(() => Parser.ParseModule(source, "f.py"));
        Assert.Equal(expected, $"{e.Kind}|{e.Line}|{e.Message}");
        Assert.Equal("f.py", e.FileName);
    }

    [Theory]
    [InlineData("x = = 1", 1, 4)]
    [InlineData("x = a…b", 1, 5)]
    [InlineData("x = \"abc", 1, 4)]
    [InlineData("[a b]", 1, 1)]
    [InlineData("x = (1, 2]", 1, 9)]
    [InlineData("y = (1,", 1, 4)]
    [InlineData("if x\n  pass", 1, 4)]
    [InlineData("if x:\npass", 2, 0)]
    [InlineData("x = 0b12", 1, 7)]
    [InlineData("def f(a=1, b): pass", 1, 11)]
    public void ReportsCPythonColumn(string source, int line, int col)
    {
        var e = Assert.Throws<PySyntaxError>(() => Parser.ParseModule(source, "f.py"));
        Assert.Equal((line, col), (e.Line, e.Col));
        Assert.Equal(source.Split('\n')[line - 1], e.SourceLine);
    }
}
