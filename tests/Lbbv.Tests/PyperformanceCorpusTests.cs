using System.Collections.Concurrent;

namespace Lbbv.Tests;

/// <summary>The pyperformance corpus (../shared/corpus/pyperformance beside the repository, not part
/// of it) runs unmodified under the interpreter, LBBV and the tracing JIT, printing what CPython prints when it runs
/// the same program with Lbbv's pyperf module (Interpreter/Runtime/Lib/packages on PYTHONPATH).
/// Each program runs one value of one loop, without warm-up (pyperf's --debug-single-value).
/// Without the corpus the tests are skipped (CorpusTheory).</summary>
public sealed class PyperformanceCorpusTests
{
    public static readonly string[] Engines = ["off", "lbbv", "trace"];

    /// <summary>Programs that run like CPython under every engine.</summary>
    public static readonly string[] Passing =
    [
        "btree", "chaos", "comprehensions", "coroutines", "deepcopy", "deltablue", "fannkuch", "float", "generators",
        "go", "hexiom", "mdp", "meteor_contest", "nbody", "nqueens", "pidigits", "richards", "richards_super",
        "scimark", "spectral_norm", "unpack_sequence",
    ];

    /// <summary>(program, engine) pairs of <see cref="Passing"/> left out for a known bug fixed elsewhere.</summary>
    public static readonly Dictionary<(string Program, string Engine), string> KnownFailures = new();

    public static TheoryData<string, string> PassingCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var program in Passing)
            foreach (var engine in Engines)
                if (!KnownFailures.ContainsKey((program, engine))) data.Add(program, engine);
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(PassingCases))]
    public void Program_prints_what_CPython_prints(string program, string engine) =>
        AssertMatchesCPython(program, engine);

    [CorpusFact]
    public void Every_corpus_program_is_listed()
    {
        var listed = Passing.Order();
        var present = Directory.GetDirectories(Corpus.Directory!)
            .Where(d => File.Exists(Path.Combine(d, "run_benchmark.py")))
            .Select(Path.GetFileName).Order();
        Assert.Equal(present, listed);
    }

    static void AssertMatchesCPython(string program, string engine)
    {
        var expected = CPythonRuns.GetOrAdd(program, RunCPython);
        var actual = RunLbbv(program, engine);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.StderrLastLine, actual.StderrLastLine);
        Assert.DoesNotContain("   at ", actual.Stderr);
    }

    static readonly ConcurrentDictionary<string, ProcessResult> CPythonRuns = new();
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    static readonly string[] SingleValue = ["--debug-single-value"];

    static string Script(string program) => Path.Combine(Corpus.Directory!, program, "run_benchmark.py");

    static ProcessResult RunLbbv(string program, string engine) =>
        ProcessRunner.Lbbv(["run", "--jit", engine, Script(program), .. SingleValue], Folder(program), Timeout);

    static string Folder(string program) => Path.GetDirectoryName(Script(program))!;

    static ProcessResult RunCPython(string program)
    {
        if (!ProcessRunner.HasPython3)
            throw new InvalidOperationException("python3 (CPython 3.11) is needed for the corpus tests");
        string pyperf = Path.Combine(RepoPaths.Root, "Interpreter", "Runtime", "Lib", "packages");
        var env = new Dictionary<string, string> { ["PYTHONPATH"] = pyperf };
        return ProcessRunner.Run("python3", [Script(program), .. SingleValue], Folder(program), Timeout, env);
    }
}

/// <summary>Where the pyperformance corpus is: $LBBV_PYPERFORMANCE_DIR, else shared/corpus/pyperformance
/// in the repository's parent folder (CI clones the repository with ../shared beside it) or in the
/// nearest folder above it that has one (a git worktree lives deeper), else null.</summary>
public static class Corpus
{
    public static readonly string? Directory = Find();

    static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LBBV_PYPERFORMANCE_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
            return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        for (var dir = System.IO.Directory.GetParent(RepoPaths.Root); dir != null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "shared", "corpus", "pyperformance");
            if (System.IO.Directory.Exists(corpus)) return corpus;
        }
        return null;
    }

    public const string Missing = "the pyperformance corpus (../shared/corpus/pyperformance beside the repository) "
        + "is not present";
}

/// <summary>A theory skipped, with the reason, when the corpus is not present.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (Corpus.Directory == null) Skip = Corpus.Missing;
    }
}

/// <summary>A fact skipped, with the reason, when the corpus is not present.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.Directory == null) Skip = Corpus.Missing;
    }
}
