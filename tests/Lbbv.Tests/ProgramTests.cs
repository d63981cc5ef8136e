using Lbbv.Cli;

namespace Lbbv.Tests;

/// <summary>One test body, every engine: each program's stdout, exit status and last stderr line must
/// be exactly CPython 3.11's.</summary>
public sealed class ProgramTests
{
    public static TheoryData<string, string> ProgramsTimesEngines()
    {
        var data = new TheoryData<string, string>();
        foreach (var program in TestPrograms.Regular())
            foreach (var engine in EngineConfigurations.All.Keys)
                data.Add(program, engine);
        return data;
    }

    public static TheoryData<string> Programs() => new(TestPrograms.Regular());

    [Theory]
    [MemberData(nameof(ProgramsTimesEngines))]
    public void Program_matches_CPython(string program, string engine)
    {
        var expected = ExpectedOutcome.Load(program);
        var actual = ProcessRunner.Lbbv(["run", .. EngineConfigurations.All[engine], program], RepoPaths.Programs);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.StderrLastLine, actual.StderrLastLine);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.DoesNotContain("   at ", actual.Stderr); // never a .NET stack trace
    }

    /// <summary>The expected files are CPython's output today (the differential half of the test).</summary>
    [Theory]
    [MemberData(nameof(Programs))]
    public void Expected_output_is_current_CPython_output(string program)
    {
        if (!ProcessRunner.HasPython3) return;
        var expected = ExpectedOutcome.Load(program);
        var python = ProcessRunner.Run("python3", [program], RepoPaths.Programs);
        Assert.Equal(expected.Stdout, python.Stdout);
        Assert.Equal(expected.StderrLastLine, python.StderrLastLine);
        Assert.Equal(expected.ExitCode, python.ExitCode);
    }

    [Fact]
    public void Corpus_is_large_enough() => Assert.True(TestPrograms.All().Count() >= 80);
}
