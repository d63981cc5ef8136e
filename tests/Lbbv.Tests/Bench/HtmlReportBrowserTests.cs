using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lbbv.Tests.Bench;

/// <summary>report.html opened in a real browser (headless Chromium, Debian's `chromium`, which .ci/run installs):
/// the page's own script records load errors and each chart's natural size into #page-check once it has loaded,
/// and the DOM dump must show no error and every chart drawn.</summary>
[Collection(BenchSuiteRun.Collection)]
public sealed partial class HtmlReportBrowserTests(BenchSuiteRun run)
{
    [Fact]
    public void Page_loads_without_errors_and_shows_every_chart()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            // A developer machine without Chromium skips the check; CI installs it, so there it must run.
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true",
                "chromium is not installed: .ci/run installs it (apt-get install -y chromium)");
            return;
        }
        Assert.True(run.Result.ExitCode == 0, run.Result.Stderr);
        string url = new Uri(run.File("report.html")).AbsoluteUri;
        var result = ProcessRunner.Run(chromium, ["--headless", "--no-sandbox", "--disable-gpu",
            "--virtual-time-budget=10000", "--dump-dom", url], run.Output, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var check = PageCheck().Match(result.Stdout);
        Assert.True(check.Success,
            "no #page-check in the DOM: " + result.Stdout[..Math.Min(500, result.Stdout.Length)]);
        using var doc = JsonDocument.Parse(WebUtility.HtmlDecode(check.Groups[1].Value));
        Assert.Empty(doc.RootElement.GetProperty("errors").EnumerateArray());
        var images = doc.RootElement.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(BenchEndToEndTests.Charts.Order(), images.Select(i => i.GetProperty("file").GetString()).Order());
        foreach (var image in images)
        {
            // Drawn at the size of the PNG file beside the page (its IHDR width and height).
            byte[] png = File.ReadAllBytes(run.File(image.GetProperty("file").GetString()!));
            Assert.True(image.GetProperty("complete").GetBoolean());
            Assert.Equal(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), image.GetProperty("width").GetInt32());
            Assert.Equal(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), image.GetProperty("height").GetInt32());
        }
    }

    private static string? FindChromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex("<pre id=\"page-check\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex PageCheck();
}
