namespace Lbbv.Bytecode.Tests;

public sealed class CorpusTests
{
    [Theory]
    [MemberData(nameof(Corpus.Names), MemberType = typeof(Corpus))]
    public void SnippetCompilesWithConsistentBlocks(string name)
    {
        var code = TestCompiler.Compile(Corpus.Source(name));
        CodeInvariants.CheckAll(code);
        // The disassembler handles every code object.
        Assert.Contains("Disassembly of", TestCompiler.Dis(code));
    }

    public static IEnumerable<object[]> Programs()
    {
        string? dir = FindUp("tests/programs");
        var files = dir == null ? [] : Directory.GetFiles(dir, "*.py").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (files.Length == 0) yield return ["<none>"]; // xunit rejects an empty theory
        foreach (var f in files) yield return [Path.GetFileName(f)];
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void ProgramCompilesWithConsistentBlocks(string file)
    {
        if (file == "<none>") return;
        string dir = FindUp("tests/programs")!;
        string source = File.ReadAllText(Path.Combine(dir, file));
        string? expectedError = ExpectedSyntaxError(dir, file);
        Lbbv.Syntax.Module module;
        try
        {
            module = Lbbv.Syntax.Parser.ParseModule(source, file);
        }
        catch (Lbbv.Syntax.PySyntaxError) when (expectedError != null)
        {
            return; // a parse error, expected: the parser's tests check its message
        }
        catch (Lbbv.Syntax.NotSupportedFeatureError)
        {
            return;
        }
        if (expectedError != null)
        {
            var e = Assert.Throws<Lbbv.Syntax.PySyntaxError>(() => Compiler.ModuleCompiler.Compile(module));
            Assert.Equal(expectedError, $"{e.Kind}: {e.Message}");
            return;
        }
        CodeObject code;
        try
        {
            code = Compiler.ModuleCompiler.Compile(module);
        }
        catch (Lbbv.Syntax.NotSupportedFeatureError)
        {
            return; // outside the subset: reported cleanly, nothing to check
        }
        CodeInvariants.CheckAll(code);
    }

    /// <summary>The expected "SyntaxError: msg" line when CPython rejects the program at compile time.</summary>
    private static string? ExpectedSyntaxError(string dir, string file)
    {
        string json = Path.Combine(dir, "expected", Path.ChangeExtension(file, ".json"));
        if (!File.Exists(json)) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        if (!doc.RootElement.TryGetProperty("stderr_last_line", out var last) || last.GetString() is not { } line) return null;
        if (!doc.RootElement.TryGetProperty("stdout", out var stdout) || stdout.GetString() != "") return null;
        return line.StartsWith("SyntaxError: ", StringComparison.Ordinal) || line.StartsWith("IndentationError: ", StringComparison.Ordinal)
            ? line : null;
    }

    internal static string? FindUp(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            string p = Path.Combine(d.FullName, relative);
            if (Directory.Exists(p)) return p;
        }
        return null;
    }
}

