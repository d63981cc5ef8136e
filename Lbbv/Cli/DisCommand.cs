using System.CommandLine;
using Lbbv.Bytecode;
using Lbbv.Bytecode.Compiler;
using Lbbv.Syntax;

namespace Lbbv.Cli;

/// <summary>`lbbv dis FILE`: the bytecode of every code object, grouped by basic block with each
/// block's entry stack depth.</summary>
public static class DisCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "The Python program to disassemble." };
        var command = new Command("dis", "Print the bytecode of a program, grouped by basic block.") { file };
        command.SetAction(parsed => Execute(parsed.GetValue(file)!, stdout, stderr));
        return command;
    }

    private static int Execute(string path, TextWriter stdout, TextWriter stderr)
    {
        string source;
        try { source = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"lbbv: can't open file '{path}': {e.Message}");
            return LbbvCommandLine.UsageError;
        }
        try
        {
            CodeObject code = ModuleCompiler.Compile(Parser.ParseModule(source, path));
            Disassembler.Disassemble(code, stdout);
            return 0;
        }
        catch (PySyntaxError e)
        {
            SyntaxErrorReport.Write(e, stderr);
            return 1;
        }
        catch (NotSupportedFeatureError e)
        {
            stderr.WriteLine(e.Message);
            return LbbvCommandLine.UsageError;
        }
    }
}
