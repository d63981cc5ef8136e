using System.Diagnostics;
using System.Text;

namespace Lbbv.Syntax.Tests;

using Assert = Xunit.Assert;

public sealed class PerformanceTests
{
    [Fact]
    public void ParsesFiveThousandLinesQuickly()
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
        var source = sb.ToString();
        Parser.ParseModule(source, "warm.py");
        var best = TimeSpan.MaxValue;
        for (int i = 0; i < 20; i++)  // best of many: the machine is shared
        {
            var sw = Stopwatch.StartNew();
            var m = Parser.ParseModule(source, "big.py");
            sw.Stop();
            Assert.Equal(500, m.Body.Count);
            if (sw.Elapsed < best) best = sw.Elapsed;
        }
        Assert.True(best.TotalMilliseconds < 100, $"5000 lines took {best.TotalMilliseconds:F1} ms");
    }
}
