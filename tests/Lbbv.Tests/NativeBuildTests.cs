namespace Lbbv.Tests;

/// <summary>
/// The Native AOT lbbv (what `dotnet publish -c Release Lbbv` makes, and what the other tests run
/// when it is built) reports exactly what the lbbv.dll of `dotnet run` reports: help, errors,
/// tracebacks, disassembly, every engine's output and the statistics it prints.
/// </summary>
public sealed class NativeBuildTests
{
    private static string Cli => Path.Combine(RepoPaths.Root, "tests", "cli");

    public static TheoryData<string, string[]> Commands => new()
    {
        { Cli, ["--help"] },
        { Cli, ["run", "--help"] },
        { Cli, ["run", "no_such_file.py"] },
        { Cli, ["run", "--frobnicate", "small.py"] },
        { Cli, ["run", "unsupported_with.py"] },
        { Cli, ["dis", "small.py"] },
        { Cli, ["run", "--jit", "trace", "small.py"] },
        { Cli, ["run", "--jit", "off", "argv.py", "a", "-x"] },
        { RepoPaths.Programs, ["run", "--call-threshold", "0", "--loop-threshold", "0", "jit_calls.py"] },
        { RepoPaths.Programs, ["run", "err_recursion_uncaught.py"] },
        { RepoPaths.Programs, ["run", "err_syntax_unclosed_paren.py"] },
        { RepoPaths.Programs, ["run", "--max-versions", "1", "exc_hot_loop.py"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_native_binary_reports_what_the_dotnet_build_reports(string directory, string[] args)
    {
        if (!RequireNative()) return;
        var native = ProcessRunner.Lbbv(args, directory);
        var managed = ProcessRunner.LbbvOnDotnet(args, directory);
        Assert.Equal(managed.ExitCode, native.ExitCode);
        Assert.Equal(managed.Stdout, native.Stdout);
        Assert.Equal(managed.Stderr, native.Stderr);
    }

    [Fact]
    public void The_native_binary_counts_what_the_dotnet_build_counts()
    {
        if (!RequireNative()) return;
        string[] args = ["run", "--stats", "--call-threshold", "0", "small.py"];
        var native = ProcessRunner.Lbbv(args, Cli);
        var managed = ProcessRunner.LbbvOnDotnet(args, Cli);
        Assert.Equal(managed.Stdout, native.Stdout);
        // Every counter but the compile time and what the process as a whole did (peak RSS, page faults,
        // .NET's heap): those differ from run to run and between the two builds.
        Assert.Equal(Counters(managed.Stderr), Counters(native.Stderr));
    }

    private static string[] Counters(string stats) =>
        [.. stats.Split('\n').Where(l => !l.Contains("_time_") && !l.Contains("rss") && !l.Contains("process_")
            && !l.Contains("managed_"))];

    /// <summary>True when the native binary is there; fails when this build asked for it and it is not.</summary>
    private static bool RequireNative()
    {
        bool exists = File.Exists(RepoPaths.NativeLbbv);
        Assert.True(exists || !RepoPaths.NativeRequested, $"LbbvNativeTests is set but {RepoPaths.NativeLbbv} is missing");
        return exists;
    }
}
