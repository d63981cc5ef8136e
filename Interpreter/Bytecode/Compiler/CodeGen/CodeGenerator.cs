using Lbbv.Bytecode.Compiler.Emit;
using Lbbv.Bytecode.Compiler.Symbols;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>Compiles one scope (module, function, lambda, class body or comprehension) into one
/// CodeObject. Inner scopes are compiled by nested CodeGenerators. The other parts of this partial
/// class hold statements, control flow, expressions, calls, assignment targets and functions.</summary>
internal sealed partial class CodeGenerator
{
    private readonly string _fileName;
    private readonly SymbolTable _symbols;
    private readonly Scope _scope;
    private readonly string _qualName;
    private readonly InstrBuilder _b = new();
    private readonly ConstantPool _consts = new();
    private readonly List<string> _names = new();
    private readonly Dictionary<string, int> _nameIndex = new();
    private readonly List<string> _varNames = new();
    private readonly Dictionary<string, int> _varIndex = new();

    private CodeGenerator(string fileName, SymbolTable symbols, Scope scope, string qualName)
    {
        _fileName = fileName;
        _symbols = symbols;
        _scope = scope;
        _qualName = qualName;
        if (scope.IsFunctionLike)
        {
            foreach (var p in scope.Params) AddVarName(p);
            foreach (var name in scope.Order)
                if (scope.Resolve(name) == VarKind.Local) AddVarName(name);
        }
    }

    private void AddVarName(string name)
    {
        if (_varIndex.ContainsKey(name)) return;
        _varIndex[name] = _varNames.Count;
        _varNames.Add(name);
    }

    public static CodeObject CompileModule(Module module)
    {
        var symbols = SymbolTableBuilder.Build(module);
        var g = new CodeGenerator(module.FileName, symbols, symbols.Root, "<module>");
        const int firstLine = 1; // co_firstlineno of a module is always 1
        g._b.Line = module.Body.Count > 0 ? module.Body[0].Pos.Line : 1;
        var body = module.Body;
        g.EmitSetupAnnotations(body);
        if (DocString(body) is { } doc)
        {
            g._b.Line = body[0].Pos.Line;
            g.LoadConst(doc);
            g._b.Emit(Opcode.StoreGlobal, g.NameIndex("__doc__"));
            body = body.Skip(1).ToList();
        }
        g.VisitStmts(body);
        g.LoadConst(null);
        g._b.Emit(Opcode.ReturnValue);
        return g.Finish("<module>", CodeFlags.Module, 0, 0, firstLine, null);
    }

    private static string? DocString(IReadOnlyList<Stmt> body) =>
        body.Count > 0 && body[0] is ExprStmt { Value: Constant { Value: string s } } ? s : null;

    // ------------------------------------------------------------ tables

    private int LoadConst(object? value)
    {
        int i = _consts.Add(value);
        _b.Emit(Opcode.LoadConst, i);
        return i;
    }

    private int NameIndex(string name)
    {
        if (_nameIndex.TryGetValue(name, out int i)) return i;
        i = _names.Count;
        _names.Add(name);
        _nameIndex[name] = i;
        return i;
    }

    private string Mangle(string name) => Mangling.Mangle(_scope.PrivateName, name);

    private int CellSlot(string name)
    {
        int i = _scope.CellVars.IndexOf(name);
        return i < 0 ? -1 : _varNames.Count + i;
    }

    /// <summary>The localsplus slot of a cell or free variable of this code.</summary>
    private int DerefSlot(string name)
    {
        int c = CellSlot(name);
        if (c >= 0) return c;
        int f = _scope.FreeVars.IndexOf(name);
        if (f < 0) throw new InvalidOperationException($"internal compiler error: '{name}' is neither cell nor free in {_qualName}");
        return _varNames.Count + _scope.CellVars.Count + f;
    }

    private PySyntaxError Error(string msg, Pos pos) => new(msg, _fileName, pos.Line, pos.Col, null);

    // ------------------------------------------------------------ names

    private enum Access { Fast, Deref, Global, Name }

    private Access AccessOf(string mangled)
    {
        VarKind kind = _scope.Resolve(mangled);
        return _scope.Kind switch
        {
            ScopeKind.Module => Access.Global,
            ScopeKind.Class => kind switch
            {
                VarKind.Local or VarKind.GlobalImplicit => Access.Name,
                VarKind.GlobalExplicit => Access.Global,
                _ => Access.Deref,
            },
            _ => kind switch
            {
                VarKind.Local => Access.Fast,
                VarKind.Cell or VarKind.Free => Access.Deref,
                _ => Access.Global,
            },
        };
    }

    private void NameOp(string id, ExprContext ctx)
    {
        string name = Mangle(id);
        switch (AccessOf(name))
        {
            case Access.Fast:
                _b.Emit(ctx switch { ExprContext.Load => Opcode.LoadFast, ExprContext.Store => Opcode.StoreFast, _ => Opcode.DeleteFast }, _varIndex[name]);
                break;
            case Access.Deref:
                _b.Emit(ctx switch { ExprContext.Load => Opcode.LoadDeref, ExprContext.Store => Opcode.StoreDeref, _ => Opcode.DeleteDeref }, DerefSlot(name));
                break;
            case Access.Global:
                _b.Emit(ctx switch { ExprContext.Load => Opcode.LoadGlobal, ExprContext.Store => Opcode.StoreGlobal, _ => Opcode.DeleteGlobal }, NameIndex(name));
                break;
            default:
                _b.Emit(ctx switch { ExprContext.Load => Opcode.LoadName, ExprContext.Store => Opcode.StoreName, _ => Opcode.DeleteName }, NameIndex(name));
                break;
        }
    }

    // ------------------------------------------------------------ code object

    /// <summary>MakeCell for every cell at the start of the code (as CPython 3.11); a cell that is
    /// also a parameter then receives the argument explicitly (LoadFast p; StoreDeref cell), so
    /// the code is correct whether or not the interpreter pre-fills such cells.</summary>
    private void EmitPrologue()
    {
        for (int i = 0; i < _scope.CellVars.Count; i++)
            _b.Emit(Opcode.MakeCell, _varNames.Count + i);
        for (int i = 0; i < _scope.CellVars.Count; i++)
        {
            int p = _scope.Params.IndexOf(_scope.CellVars[i]);
            if (p < 0) continue;
            _b.Emit(Opcode.LoadFast, p);
            _b.Emit(Opcode.StoreDeref, _varNames.Count + i);
        }
    }

    private CodeObject Finish(string name, CodeFlags flags, int argCount, int kwOnly, int firstLine, string? doc,
        int posOnly = 0)
    {
        var asm = Assembler.Assemble(_b.Instructions, _qualName);
        var cellParam = _scope.CellVars.Select(c => _scope.Params.IndexOf(c)).ToArray();
        return new CodeObject
        {
            Name = name,
            QualName = _qualName,
            FileName = _fileName,
            FirstLine = firstLine,
            Flags = flags,
            ArgCount = argCount,
            KwOnlyArgCount = kwOnly,
            PosOnlyArgCount = posOnly,
            Code = asm.Code,
            Lines = asm.Lines,
            Constants = _consts.ToArray(),
            Names = _names.ToArray(),
            VarNames = _varNames.ToArray(),
            CellVars = _scope.CellVars.ToArray(),
            FreeVars = _scope.FreeVars.ToArray(),
            CellParamIndex = cellParam,
            DerefVariables =
            [
                .. _scope.CellVars.Select(c => _scope.CellVariables[c]),
                .. _scope.FreeVars.Select(_scope.FreeVariable),
            ],
            MaxStackDepth = asm.MaxStackDepth,
            Blocks = asm.Blocks,
            ExceptionTable = asm.ExceptionTable,
            DocString = doc,
        };
    }
}
