namespace Lbbv.Tests.Bench;

/// <summary>One `lbbv bench` run of tests/bench/suite (two programs, one run per engine, two iterations), shared
/// by the end-to-end tests: engines off and lbbv, and CPython when python3 is on PATH.</summary>
public sealed class BenchSuiteRun : IDisposable
{
    public const string Collection = "lbbv bench suite run";

    public static string Suite => Path.Combine(RepoPaths.Root, "tests", "bench", "suite");
    public string Output { get; } = Directory.CreateTempSubdirectory("lbbv-bench-test-").FullName;
    public ProcessResult Result { get; }
    public bool WithPython { get; } = ProcessRunner.HasPython3;

    public BenchSuiteRun()
    {
        string[] python = WithPython ? ["--python", "python3"] : [];
        Result = ProcessRunner.Lbbv(["bench", Suite, "--engines", "off,lbbv", .. python, "--runs", "1",
            "--iterations", "2", "--warmup", "1", "--out", Output, "--quiet"], RepoPaths.Root, TimeSpan.FromMinutes(5));
    }

    public string File(string name) => Path.Combine(Output, name);

    public void Dispose() => Directory.Delete(Output, recursive: true);
}

[CollectionDefinition(BenchSuiteRun.Collection)]
public sealed class BenchSuiteRunCollection : ICollectionFixture<BenchSuiteRun>;
