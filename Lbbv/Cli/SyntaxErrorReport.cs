using Lbbv.Syntax;

namespace Lbbv.Cli;

/// <summary>Prints a SyntaxError as CPython does: file and line, the source line, a caret, the message.</summary>
public static class SyntaxErrorReport
{
    public static void Write(PySyntaxError error, TextWriter output)
    {
        output.WriteLine($"  File \"{error.FileName}\", line {error.Line}");
        if (error.SourceLine is { } line)
        {
            string trimmed = line.TrimStart();
            int indent = line.Length - trimmed.Length;
            output.WriteLine($"    {trimmed.TrimEnd()}");
            int caret = Math.Max(0, error.Col - indent);
            output.WriteLine($"    {new string(' ', caret)}^");
        }
        output.WriteLine($"{error.Kind}: {error.Message}");
    }
}
