namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

/// <summary>Constructs outside the subset are reported by name and line, unless the file has a syntax
/// error, which wins as it would in CPython.</summary>
public sealed class NotSupportedTests
{
    [Theory]
    [InlineData("async def f():\n    pass\n", "async", 1)]
    [InlineData("def f():\n    await g()\n", "await", 2)]
    [InlineData("match x:\n    case 1:\n        pass\n", "match statement", 1)]
    [InlineData("x = 5j\n", "complex numbers", 1)]
    [InlineData("x = 1.5e3J\n", "complex numbers", 1)]
    [InlineData("x = b'abc'\n", "bytes literals", 1)]
    [InlineData("x = Rb'abc'\n", "bytes literals", 1)]
    [InlineData("from . import a\n", "relative imports", 1)]
    [InlineData("\n\nfrom .m import a\n", "relative imports", 3)]
    [InlineData("x = '\\N{BULLET}'\n", "\\N{...} escapes", 1)]
    [InlineData("try:\n    pass\nexcept* E:\n    pass\n", "except* (exception groups)", 3)]
    [InlineData("class C(*bases): pass\n", "unpacking (* or **) in a class's bases", 1)]
    public void ReportsFeatureAndLine(string source, string feature, int line)
    {
        var e = Assert.Throws<NotSupportedFeatureError>(() => Parser.ParseModule(source, "f.py"));
        Assert.Equal((feature, line), (e.Feature, e.Line));
    }

    [Fact]
    public void LaterSyntaxErrorWins()
    {
        var e = Assert.Throws<PySyntaxError>(() => Parser.ParseModule("async def f():\n    pass\nx = = 1\n", "f.py"));
        Assert.Equal(3, e.Line);
    }

    [Theory]
    [InlineData("match = 1\nmatch(x)\nmatch[1] = 2\nprint(match)\n")]
    [InlineData("case = 1\n_ = 2\n")]
    [InlineData("")]
    [InlineData("# only a comment")]
    [InlineData("\n\n   \n\t\n")]
    [InlineData("x = 1")]
    [InlineData("if x:\n  pass")]
    [InlineData("if x:\r\n  pass\r\n")]
    [InlineData("\uFEFFx = 1\n")]
    public void SoftKeywordsAreNames(string source) => Parser.ParseModule(source, "f.py");
}
