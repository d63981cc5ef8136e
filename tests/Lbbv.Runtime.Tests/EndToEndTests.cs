using System.Diagnostics;

namespace Lbbv.Runtime.Tests;

[Collection("runtime")]
public sealed class EndToEndTests
{
    internal static (int Status, string Out, string Err) Run(string source, string name = "prog.py")
    {
        string dir = Path.Combine(Path.GetTempPath(), "lbbv-rt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, source);
        try { return RunFile(path); }
        finally { Directory.Delete(dir, true); }
    }

    internal static (int Status, string Out, string Err) RunFile(string path)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int status = new Vm(new VmOptions { Stdout = o, Stderr = e }).RunFile(path, []);
        return (status, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("print(1 + 2, 2 ** 100, 7 // -2, 7 % -2, 1 / 4)", "3 1267650600228229401496703205376 -4 -1 0.25\n")]
    [InlineData("x = [1, 2, 3]\nx[1:2] = [9, 9]\nprint(x, x[::-1], len(x))", "[1, 9, 9, 3] [3, 9, 9, 1] 4\n")]
    [InlineData("def f(a, b=2, *c, d, **e):\n    return a, b, c, d, e\nprint(f(1, d=4), f(1, 2, 3, d=4, z=5))", "(1, 2, (), 4, {}) (1, 2, (3,), 4, {'z': 5})\n")]
    [InlineData("def mk():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\ni = mk()\ni()\nprint(i())", "2\n")]
    [InlineData("class A:\n    def f(self): return 'A'\nclass B(A):\n    def f(self): return 'B' + super().f()\nprint(B().f())", "BA\n")]
    [InlineData("def g():\n    x = yield 1\n    yield x * 2\nit = g()\nprint(next(it), it.send(21))", "1 42\n")]
    [InlineData("print({3, 1, 2}, {'b': 1, 'a': 2}, sorted('cab'))", "{1, 2, 3} {'b': 1, 'a': 2} ['a', 'b', 'c']\n")]
    [InlineData("print(f'{3.14159:.2f}|{42:>5}|{\"x\"!r}', '%5.1f%%' % 12.34, '{:,}'.format(10**6))", "3.14|   42|'x'  12.3% 1,000,000\n")]
    public void Snippets_print_what_CPython_prints(string source, string expected)
    {
        var (status, output, err) = Run(source);
        Assert.Equal("", err);
        Assert.Equal(0, status);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void Uncaught_exception_prints_a_traceback_and_exits_1()
    {
        var (status, output, err) = Run("def f():\n    return 1 / 0\nprint('a')\nf()\n");
        Assert.Equal(1, status);
        Assert.Equal("a\n", output);
        Assert.StartsWith("Traceback (most recent call last):\n", err);
        Assert.Contains(", line 4, in <module>\n    f()\n", err);
        Assert.Contains(", line 2, in f\n    return 1 / 0\n", err);
        Assert.EndsWith("ZeroDivisionError: division by zero\n", err);
    }

    [Fact]
    public void Chained_exceptions_are_printed_like_CPython()
    {
        var (_, _, err) = Run("try:\n    {}['k']\nexcept KeyError as e:\n    raise ValueError('v') from e\n");
        Assert.Contains("KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n", err);
        Assert.EndsWith("ValueError: v\n", err);
    }

    [Fact]
    public void Deep_recursion_raises_RecursionError_not_a_crash()
    {
        var (status, output, _) = Run("import sys\ndef f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\nprint(f(0))\nsys.setrecursionlimit(50000)\nprint(f(0) > 40000)\n");
        Assert.Equal(0, status);
        Assert.Equal("998\nTrue\n", output);
    }

    [Fact]
    public void Sys_exit_sets_the_status()
    {
        Assert.Equal(3, Run("import sys\nsys.exit(3)\n").Status);
        var (status, _, err) = Run("import sys\nsys.exit('bye')\n");
        Assert.Equal(1, status);
        Assert.Equal("bye\n", err);
    }

    [Fact]
    public void Missing_file_is_status_2()
    {
        var (status, _, err) = RunFile("/nonexistent/nope.py");
        Assert.Equal(2, status);
        Assert.Equal("lbbv: can't open file '/nonexistent/nope.py': [Errno 2] No such file or directory\n", err);
    }

    [Fact]
    public void Churning_loop_runs_in_bounded_heap()
    {
        var vm = new Vm(new VmOptions { Stdout = TextWriter.Null, Stderr = TextWriter.Null, CollectStats = true });
        string dir = Path.Combine(Path.GetTempPath(), "lbbv-rt-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "churn.py");
        File.WriteAllText(path, "class P:\n    def __init__(self, a):\n        self.a = a\n        self.me = self\nfor i in range(300000):\n    x = [P(i), (i, str(i)), {'k': i}]\n");
        try { Assert.Equal(0, vm.RunFile(path, [])); }
        finally { Directory.Delete(dir, true); }
        Assert.True(vm.Statistics.Collections > 0);
        Assert.True(vm.Statistics.PeakHeapBytes < 64 << 20, $"peak {vm.Statistics.PeakHeapBytes}");
        Assert.True(vm.Statistics.BytecodesExecuted > 1_000_000);
    }
}

/// <summary>Every program of tests/programs against python3 (when it is on PATH).</summary>
[Collection("runtime")]
public sealed class ProgramTests
{
    static string ProgramsDir
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d != null && !Directory.Exists(Path.Combine(d.FullName, "tests", "programs"))) d = d.Parent;
            return Path.Combine(d?.FullName ?? ".", "tests", "programs");
        }
    }

    public static IEnumerable<object[]> Programs()
        => Directory.Exists(ProgramsDir)
            ? Directory.GetFiles(ProgramsDir, "*.py").Where(p => !Path.GetFileName(p).StartsWith('_')).OrderBy(p => p).Select(p => new object[] { Path.GetFileName(p) })
            : [];

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_matches_CPython(string name)
    {
        string path = Path.Combine(ProgramsDir, name);
        var psi = new ProcessStartInfo("python3", [path]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ProgramsDir };
        psi.Environment["PYTHONHASHSEED"] = "0"; // as tests/regen_expected.py: str hashes (set order) are fixed
        Process? p;
        try { p = Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception) { return; } // no python3 here
        if (p == null) return;
        string expected = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        var (status, output, _) = EndToEndTests.RunFile(path);
        Assert.Equal(expected, output);
        Assert.Equal(p.ExitCode, status);
    }
}
