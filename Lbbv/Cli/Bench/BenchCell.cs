using Lbbv.Reports.Model;

namespace Lbbv.Cli.Bench;

/// <summary>What the harness has gathered so far for one engine on one benchmark.</summary>
public sealed class BenchCell(ProbedEngine engine)
{
    public ProbedEngine Engine { get; } = engine;
    public string Status { get; private set; } = Statuses.Ok;
    public string? Error { get; private set; }
    public List<double> Wall { get; } = [];
    public List<double> Cpu { get; } = [];
    public IterationSamples? Iterations { get; set; }
    public IReadOnlyDictionary<string, double>? Counters { get; set; }
    /// <summary>The stdout of this engine's first run, compared with the reference engine's.</summary>
    public string? Output { get; set; }

    public bool Ok => Status == Statuses.Ok;

    public void Fail(string error) { Status = Statuses.Failed; Error = error; }

    public void MarkUnavailable(string reason) { Status = Statuses.Unavailable; Error = reason; }

    public EngineResult ToResult() => new(Engine.Spec.Name, Status, Error,
        new ProcessSamples(Wall.ToList(), Cpu.ToList()), Iterations, Counters);
}
