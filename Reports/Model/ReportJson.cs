using System.Text.Json;
using System.Text.Json.Serialization;
using Lbbv.Reports.Analysis;

namespace Lbbv.Reports.Model;

/// <summary>Reads and writes report.json (snake_case keys; bench/report.schema.json describes them).</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(BenchReport report) =>
        JsonSerializer.Serialize(report with { Analysis = ReportAnalyzer.Analyze(report) }, Options);

    public static void Write(BenchReport report, string path) => File.WriteAllText(path, Serialize(report));

    /// <summary>Reads a report and recomputes its analysis from the raw samples.</summary>
    public static BenchReport Read(string path)
    {
        var report = JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path}: not a report");
        if (report.SchemaVersion != BenchReport.CurrentSchemaVersion)
            throw new InvalidDataException(
                $"{path}: schema version {report.SchemaVersion}, expected {BenchReport.CurrentSchemaVersion}");
        return report with { Analysis = ReportAnalyzer.Analyze(report) };
    }
}
