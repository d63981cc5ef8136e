using System.Text;

namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

/// <summary>A 5,000-line module parses whole. (Parse speed is a benchmark matter, not a test's:
/// tests assert no wall-clock limits.)</summary>
public sealed class LargeModuleTests
{
    [Fact]
    public void Parses_a_five_thousand_line_module()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            sb.Append($"def f{i}(a, b=1, *args, **kw):\n");
            sb.Append($"    x = [a * {i} + b for a in range(10) if a % 2]\n");
            sb.Append("    s = f'{x!r:>10} and {b}' + \"str\\n\"\n");
            sb.Append("    d = {'k': (1, 2.5, None), **kw}\n");
            sb.Append("    if a < b <= 3 and not x:\n");
            sb.Append("        return lambda y: y ** 2\n");
            sb.Append("    for k, v in d.items():\n");
            sb.Append("        print(k, v, sep=', ')  # comment\n");
            sb.Append("    return x[1:2], s\n");
            sb.Append('\n');
        }
        var m = Parser.ParseModule(sb.ToString(), "big.py");
        Assert.Equal(500, m.Body.Count);
        Assert.All(m.Body, statement => Assert.IsType<FunctionDef>(statement));
    }
}
