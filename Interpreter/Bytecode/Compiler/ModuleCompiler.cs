using Lbbv.Bytecode.Compiler.CodeGen;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler;

/// <summary>The bytecode compiler's entry point: AST -> CodeObject (CPython 3.11's scheme).</summary>
public static class ModuleCompiler
{
    /// <summary>Compiles a module. Throws PySyntaxError for compile-time errors (scoping, misplaced
    /// return/break/continue/yield, ...) and NotSupportedFeatureError for constructs outside the
    /// subset.</summary>
    public static CodeObject Compile(Module module) => CodeGenerator.CompileModule(module);
}
