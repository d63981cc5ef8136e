using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Lbbv.Tests.Bench;

/// <summary>`lbbv bench` end to end on a two-program suite: every file is written, report.json validates against
/// bench/report.schema.json, `bench compare` of the report with itself finds nothing significant.</summary>
[Collection(BenchSuiteRun.Collection)]
public sealed class BenchEndToEndTests(BenchSuiteRun run)
{
    public static readonly string[] Charts =
    [
        "speedup-process.png", "speedup-steady.png", "warmup-sum_squares.png", "warmup-point_norms.png",
        "versions-per-block.png", "type-tests-eliminated.png",
    ];

    [Fact]
    public void Writes_every_file()
    {
        Assert.True(run.Result.ExitCode == 0, run.Result.Stderr);
        foreach (var name in new[] { "report.md", "report.json", "report.html" }.Concat(Charts))
            Assert.True(File.Exists(run.File(name)), $"{name} is missing; stdout: {run.Result.Stdout}");
        foreach (var chart in Charts)
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(run.File(chart)).Take(4));
        Assert.Equal(Charts.Order(), Directory.GetFiles(run.Output, "*.png").Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Report_json_validates_against_its_schema()
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "bench", "report.schema.json"));
        string json = File.ReadAllText(run.File("report.json"));
        var results = Validate(schema, json);
        Assert.True(results.IsValid, Errors(results));

        // The schema is strict enough to catch a report that lacks a part or misnames a status.
        var broken = JsonNode.Parse(json)!.AsObject();
        broken.Remove("machine");
        Assert.False(Validate(schema, broken.ToJsonString()).IsValid);
        var misnamed = JsonNode.Parse(json)!;
        misnamed["benchmarks"]![0]!["status"] = "fine";
        Assert.False(Validate(schema, misnamed.ToJsonString()).IsValid);
    }

    [Fact]
    public void Report_json_has_every_raw_sample_and_the_counters()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(run.File("report.json")));
        var root = doc.RootElement;
        Assert.Equal("off", root.GetProperty("baseline").GetString());
        Assert.Matches("^[0-9a-f]{40}$|^unknown$", root.GetProperty("lbbv").GetProperty("commit").GetString());
        foreach (var benchmark in root.GetProperty("benchmarks").EnumerateArray())
        {
            Assert.Equal("ok", benchmark.GetProperty("status").GetString());
            foreach (var result in benchmark.GetProperty("results").EnumerateArray())
            {
                Assert.Equal(1, result.GetProperty("process").GetProperty("wall_seconds").GetArrayLength());
                bool lbbv = result.GetProperty("engine").GetString() is "off" or "lbbv";
                Assert.Equal(lbbv ? 2 : 0, result.GetProperty("iterations") is { ValueKind: JsonValueKind.Object } it
                    ? it.GetProperty("seconds").GetArrayLength() : 0);
            }
            var lbbvCounters = benchmark.GetProperty("results").EnumerateArray()
                .First(r => r.GetProperty("engine").GetString() == "lbbv").GetProperty("counters");
            Assert.True(lbbvCounters.GetProperty("lbbv_versions_compiled").GetDouble() > 0);
            var reference = benchmark.GetProperty("reference_counters");
            Assert.True(reference.GetProperty("lbbv_type_tests_executed").GetDouble() > 0);
        }
    }

    [Fact]
    public void Markdown_report_says_the_command_and_has_the_tables()
    {
        string md = File.ReadAllText(run.File("report.md"));
        Assert.Contains("Command: `lbbv bench ", md);
        string[] sections =
        [
            "## Engines", "## Whole-process time", "## Whole-process CPU time", "## In-process iterations",
            "## Counters: lbbv",
        ];
        foreach (var section in sections)
            Assert.Contains(section, md);
        Assert.Contains("| sum_squares |", md);
        Assert.Contains("| **geometric mean** |", md);
        if (run.WithPython) Assert.Contains("cpython speedup", md);
    }

    [Fact]
    public void Compare_of_a_report_with_itself_is_not_significant_everywhere()
    {
        string json = run.File("report.json");
        var result = ProcessRunner.Lbbv(["bench", "compare", json, json], RepoPaths.Root);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var rows = result.Stdout.Split('\n').Where(l => l.StartsWith("| ") && !l.StartsWith("| benchmark")).ToList();
        Assert.Equal(run.WithPython ? 9 : 6, rows.Count); // 2 benchmarks + a mean, per engine
        foreach (var row in rows)
        {
            var cells = row.Split(" | ");
            Assert.Equal("1.00x [1.00, 1.00] not significant", cells[4].Trim('*')); // wall
            Assert.Equal("1.00x [1.00, 1.00] not significant", cells[5].Trim('*')); // CPU
            Assert.DoesNotContain("faster", row);
            Assert.DoesNotContain("slower", row);
        }
    }

    [Fact]
    public void Render_writes_the_same_report_again_from_its_json()
    {
        string again = Directory.CreateTempSubdirectory("lbbv-bench-render-").FullName;
        try
        {
            var result = ProcessRunner.Lbbv(["bench", "render", run.File("report.json"), "--out", again],
                RepoPaths.Root);
            Assert.True(result.ExitCode == 0, result.Stderr);
            foreach (var name in new[] { "report.md", "report.json" })
                Assert.Equal(File.ReadAllText(run.File(name)), File.ReadAllText(Path.Combine(again, name)));
            Assert.Equal(Charts.Order(), Directory.GetFiles(again, "*.png").Select(Path.GetFileName).Order());
        }
        finally { Directory.Delete(again, recursive: true); }
    }

    private static EvaluationResults Validate(JsonSchema schema, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) => string.Join("\n",
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
}
