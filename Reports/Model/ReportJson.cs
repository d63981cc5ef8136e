using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Lbbv.Reports.Analysis;
using Lbbv.Reports.Statistics;

namespace Lbbv.Reports.Model;

/// <summary>Reads and writes report.json (snake_case keys; bench/report.schema.json describes them).</summary>
public static class ReportJson
{
    /// <summary>The options: source-generated metadata (<see cref="ReportJsonContext"/>), so that the
    /// Native AOT build serializes without reflection.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<Verdict>(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    private static JsonTypeInfo<BenchReport> ReportType => (JsonTypeInfo<BenchReport>)Options.GetTypeInfo(typeof(BenchReport));

    public static string Serialize(BenchReport report) =>
        JsonSerializer.Serialize(report with { Analysis = ReportAnalyzer.Analyze(report) }, ReportType);

    public static void Write(BenchReport report, string path) => File.WriteAllText(path, Serialize(report));

    /// <summary>Reads a report and recomputes its analysis from the raw samples.</summary>
    public static BenchReport Read(string path)
    {
        var report = JsonSerializer.Deserialize(File.ReadAllText(path), ReportType)
            ?? throw new InvalidDataException($"{path}: not a report");
        if (report.SchemaVersion != BenchReport.CurrentSchemaVersion)
            throw new InvalidDataException(
                $"{path}: schema version {report.SchemaVersion}, expected {BenchReport.CurrentSchemaVersion}");
        return report with { Analysis = ReportAnalyzer.Analyze(report) };
    }
}

/// <summary>Compile-time JSON metadata for the report types (no reflection under Native AOT).</summary>
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
