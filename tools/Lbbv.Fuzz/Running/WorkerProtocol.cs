using System.Text.Json;

namespace Lbbv.Fuzz.Running;

/// <summary>Run FILE under each configuration (engine configuration names, or "cpython");
/// CPython's own time limit is applied by the worker.</summary>
public sealed record EvaluateRequest(int Id, string File, string[] Configs, double PythonTimeoutSeconds);

/// <summary>A line from the worker: the configuration it starts now (so a watchdog that fires knows
/// which one hung), the outcome of one configuration, or the end of the request.</summary>
public sealed record WorkerMessage(int Id, string? Started = null, string? Config = null, Outcome? Outcome = null,
    bool Done = false);

/// <summary>The worker protocol: one JSON object per line, requests on the worker's stdin,
/// messages on its stdout.</summary>
public static class WorkerProtocol
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Encode<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Decode<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new InvalidDataException("empty worker message");
}
