using Lbbv.Fuzz.Checking;
using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz.Tests;

public sealed class ComparerTests
{
    static Verdict Compare(Outcome reference, params (string Config, Outcome Outcome)[] others)
    {
        var outcomes = new Dictionary<string, Outcome> { ["cpython"] = reference };
        foreach (var (config, outcome) in others) outcomes[config] = outcome;
        return Comparer.Compare(outcomes, "cpython");
    }

    [Fact]
    public void The_first_differing_line_is_named()
    {
        var v = Compare(new("a\nb\nc\n", "", 0), ("off", new("a\nb\nc\n", "", 0)), ("lbbv", new("a\nx\nc\n", "", 0)));
        Assert.Equal(BugClass.Jit, v.Class);
        Assert.Equal("stdout line 2: expected \"b\", got \"x\"", v.Primary!.Detail);
        Assert.Equal("lbbv", v.Primary.Config);
    }

    [Fact]
    public void The_interpreter_differing_makes_a_runtime_bug()
    {
        var v = Compare(new("1\n", "", 0), ("lbbv", new("2\n", "", 0)), ("off", new("2\n", "", 0)));
        Assert.Equal(BugClass.Runtime, v.Class);
        Assert.Equal("off", v.Primary!.Config);
    }

    [Fact]
    public void A_stack_trace_is_a_crash_even_with_the_right_output()
    {
        var trace = "lbbv: internal error: NullReferenceException: x\n   at Lbbv.Runtime.Foo()\n";
        var v = Compare(new("1\n", "", 0), ("off", new("1\n", "", 0)), ("lbbv", new("1\n", trace, 1)));
        Assert.Equal(DivergenceKind.Crash, v.Primary!.Kind);
    }

    [Fact]
    public void Uncaught_errors_compare_by_status_and_last_stderr_line()
    {
        var reference = new Outcome("", "Traceback...\nKeyError: 'a'\n", 1);
        Assert.True(Compare(reference, ("off", new("", "Traceback (other frames)\nKeyError: 'a'\n", 1))).Clean);
        Assert.Equal("last stderr line: expected \"KeyError: 'a'\", got \"KeyError: 'b'\"",
            Compare(reference, ("off", new("", "KeyError: 'b'\n", 1))).Primary!.Detail);
    }

    [Fact]
    public void Unsupported_constructs_and_warnings_are_the_generators_problem()
    {
        var unsupported = Compare(new("", "", 0),
            ("off", new("", "x.py:3: NotSupportedError: 'with' is not supported by Lbbv\n", 2)));
        Assert.Equal(BugClass.Generator, unsupported.Class);
        Assert.Empty(unsupported.Divergences);
        var warning = new Outcome("", "x.py:1: SyntaxWarning: 'int' object is not callable\n", 0);
        var warned = Compare(warning, ("off", new("", "", 0)));
        Assert.Equal(BugClass.Generator, warned.Class);
    }

    [Fact]
    public void A_float_repr_one_digit_short_at_a_power_of_two_is_the_known_bug()
    {
        var known = Compare(new("x\n('a', 2.9802322387695312e-08, 3)\n", "", 0),
            ("off", new("x\n('a', 2.980232238769531e-08, 3)\n", "", 0)));
        Assert.Equal(KnownBugs.FloatReprNearPowerOfTwo, KnownBugs.Match(known));
        var other = Compare(new("0.1\n", "", 0), ("off", new("0.2\n", "", 0)));
        Assert.Null(KnownBugs.Match(other));
        var notPowerOfTwo = Compare(new("0.30000000000000004\n", "", 0), ("off", new("0.3\n", "", 0)));
        Assert.Null(KnownBugs.Match(notPowerOfTwo));
    }
}
