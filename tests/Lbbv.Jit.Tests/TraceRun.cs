using Lbbv.Runtime;
using Lbbv.Tracing;

namespace Lbbv.Jit.Tests;

/// <summary>Runs a Python source under the tracing tier in this process and keeps the tier for inspection.</summary>
public sealed class TraceRun : IDisposable
{
    public TraceRun(string source, TraceOptions? options = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "lbbv-jit-tests");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, $"t{Guid.NewGuid():N}.py");
        File.WriteAllText(file, source);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        lock (JitRun.Gate) // the interpreter's tier is a static: never beside an LBBV run
        {
            Tier = new TracingTier(options ?? Counting());
            try
            {
                Tier.Install();
                var vm = new Vm(new VmOptions { Stdout = stdout, Stderr = stderr, CollectStats = true });
                Status = vm.RunFile(file, []);
            }
            finally
            {
                Tier.Uninstall();
                File.Delete(file);
            }
        }
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
    }

    public TracingTier Tier { get; }
    public int Status { get; }
    public string Stdout { get; }
    public string Stderr { get; }

    public TraceStatistics Stats => Tier.Statistics;
    public JitStatistics Jit => Tier.Jit;

    /// <summary>The loop traces (not bridges) compiled, in order.</summary>
    public IReadOnlyList<CompiledTrace> LoopTraces => Tier.Traces.Where(t => !t.IsBridge && !t.IsEntry).ToList();
    /// <summary>The function-entry traces compiled, in order.</summary>
    public IReadOnlyList<CompiledTrace> EntryTraces => Tier.Traces.Where(t => t.IsEntry).ToList();
    public IReadOnlyList<CompiledTrace> Bridges => Tier.Traces.Where(t => t.IsBridge).ToList();

    public long Read(Lbbv.Backend.Emission.ExitCounter? counter) => counter is { } c ? Tier.Backend.Read(c) : 0;

    public void Dispose() => Tier.Dispose();

    /// <summary>The default thresholds, counting in code, IR kept.</summary>
    public static TraceOptions Counting() => new() { CountInCode = true, KeepIr = true };
}
