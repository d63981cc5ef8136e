using Lbbv.Runtime;
using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Runs a Python source under the LBBV tier in this process and keeps the tier for inspection.</summary>
public sealed class JitRun : IDisposable
{
    /// <summary>One run at a time in this process: the interpreter's tier is a static (TraceRun takes it too).</summary>
    internal static readonly object Gate = new();

    public JitRun(string source, LbbvOptions options)
    {
        string dir = Path.Combine(Path.GetTempPath(), "lbbv-jit-tests");
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, $"p{Guid.NewGuid():N}.py");
        File.WriteAllText(file, source);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        lock (Gate)
        {
            Tier = new LbbvTier(options);
            try
            {
                Tier.Install();
                long bytesBefore = NativeHeap.BytesAllocated; // a process-wide total
                var vm = new Vm(new VmOptions { Stdout = stdout, Stderr = stderr, CollectStats = true });
                Status = vm.RunFile(file, []);
                InterpreterBytecodes = vm.Statistics.BytecodesExecuted;
                Calls = vm.Statistics.Calls;
                BytesAllocated = vm.Statistics.BytesAllocated - bytesBefore;
                Collections = vm.Statistics.Collections;
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

    public LbbvTier Tier { get; }
    public int Status { get; }
    public string Stdout { get; }
    public string Stderr { get; }
    public long InterpreterBytecodes { get; }
    /// <summary>The VM's count of Python function calls (interpreter and machine code).</summary>
    public long Calls { get; }
    /// <summary>Bytes the run allocated on the native heap (cells and buffers).</summary>
    public long BytesAllocated { get; }
    /// <summary>The run's collections of the native heap.</summary>
    public long Collections { get; }

    /// <summary>The LBBV counters (versions, chains).</summary>
    public LbbvStatistics Stats => Tier.Statistics;
    /// <summary>The counters every JIT frontend shares (type tests, helpers, exits, ...).</summary>
    public JitStatistics Jit => Tier.Jit;
    public long TypeTestsExecuted => Jit.Read(Jit.TypeTestsExecuted);

    /// <summary>The versions of the block at <paramref name="offset"/> of the code named <paramref name="qualName"/>.</summary>
    public IReadOnlyList<BlockVersion> VersionsOf(string qualName, int offset) =>
        Tier.Codes.First(c => c.Code.Code.QualName == qualName).VersionsAt(offset);

    public void Dispose() => Tier.Dispose();

    public static LbbvOptions Eager(int maxVersions = 4) => new()
    {
        MaxVersions = maxVersions,
        CallThreshold = 0,
        LoopThreshold = 0,
        CountInCode = true,
    };
}
