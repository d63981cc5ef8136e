using Lbbv.Cli;
using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz.Checking;

/// <summary>Runs program texts through one worker and compares: the reference (CPython when
/// available, else the interpreter) and the chosen engine configurations.</summary>
public sealed class Evaluator(WorkerClient worker, string directory, TimeSpan timeout, bool usePython) : IDisposable
{
    public string Reference { get; } = usePython ? CPython.Name : EngineConfigurations.Interpreter;

    public int Evaluations { get; private set; }

    /// <summary>Seconds spent in each configuration over every check so far.</summary>
    public Dictionary<string, double> Seconds { get; } = [];

    /// <summary>Every engine configuration, plus CPython when it is the reference.</summary>
    public IReadOnlyList<string> AllConfigs =>
        [.. (usePython ? new[] { CPython.Name } : []), .. EngineConfigurations.All.Keys];

    /// <summary>Runs <paramref name="text"/> under the reference and <paramref name="configs"/>;
    /// <paramref name="limit"/> replaces the watchdog's limit for this check.</summary>
    public Verdict Check(string text, IReadOnlyList<string> configs, string fileName = "fuzz.py",
        TimeSpan? limit = null)
    {
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, fileName);
        File.WriteAllText(file, text);
        Evaluations++;
        var outcomes = worker.Evaluate(file, [.. configs.Prepend(Reference).Distinct()], limit ?? timeout);
        foreach (var (config, outcome) in outcomes)
            Seconds[config] = Seconds.GetValueOrDefault(config) + outcome.Milliseconds / 1000;
        return Comparer.Compare(outcomes, Reference);
    }

    public void Dispose() => worker.Dispose();
}
