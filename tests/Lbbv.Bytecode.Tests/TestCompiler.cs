using Lbbv.Bytecode.Compiler;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Tests;

internal static class TestCompiler
{
    public static CodeObject Compile(string source, string fileName = "t.py") =>
        ModuleCompiler.Compile(Parser.ParseModule(source, fileName));

    public static string Dis(CodeObject code)
    {
        var w = new StringWriter();
        Disassembler.Disassemble(code, w);
        return w.ToString();
    }

    /// <summary>The code object of the first function (or class body) named `name`.</summary>
    public static CodeObject Find(CodeObject root, string name) =>
        CodeInvariants.All(root).First(c => c.Name == name);
}
