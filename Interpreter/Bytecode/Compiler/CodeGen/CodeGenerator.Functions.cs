using Lbbv.Bytecode.Compiler.Emit;
using Lbbv.Bytecode.Compiler.Symbols;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

// def, lambda, class and comprehensions: the enclosing side (defaults, closure, MakeFunction) and
// the body of the nested code object.
internal sealed partial class CodeGenerator
{
    private string ChildQualName(string name)
    {
        if (_scope.Kind == ScopeKind.Module || _scope.Resolve(Mangle(name)) == VarKind.GlobalExplicit) return name;
        // As CPython: only functions and lambdas add `.<locals>` (comprehensions and classes do not).
        return _scope.Kind is ScopeKind.Function or ScopeKind.Lambda ? _qualName + ".<locals>." + name : _qualName + "." + name;
    }

    private CodeGenerator Child(Node node, string name) =>
        new(_fileName, _symbols, _symbols.ScopeOf(node), ChildQualName(name));

    private static int ArgCountOf(Scope scope) => scope.Node switch
    {
        FunctionDef f => f.Args.PosOnlyArgs.Count + f.Args.Args.Count,
        Lambda l => l.Args.PosOnlyArgs.Count + l.Args.Args.Count,
        _ => scope.Kind == ScopeKind.Comprehension ? 1 : 0,
    };

    /// <summary>Defaults tuple and kw-defaults dict, evaluated at definition time; returns the
    /// MakeFunction flags they need.</summary>
    private int EmitDefaults(Arguments args)
    {
        int flags = 0;
        if (args.Defaults.Count > 0)
        {
            VisitExprs(args.Defaults);
            _b.Emit(Opcode.BuildTuple, args.Defaults.Count);
            flags |= 1;
        }
        int kw = 0;
        for (int i = 0; i < args.KwOnlyArgs.Count; i++)
        {
            if (args.KwDefaults[i] is not { } d) continue;
            LoadConst(Mangle(args.KwOnlyArgs[i].Name));
            VisitExpr(d);
            kw++;
        }
        if (kw > 0)
        {
            _b.Emit(Opcode.BuildMap, kw);
            flags |= 2;
        }
        return flags;
    }

    /// <summary>[defaults?, kwdefaults?] -> [function]: adds the closure tuple (one LoadClosure per
    /// free variable of the code, in its FreeVars order) and MakeFunction.</summary>
    private void EmitMakeFunction(CodeObject code, int flags)
    {
        if (code.FreeVars.Length > 0)
        {
            foreach (var fv in code.FreeVars) _b.Emit(Opcode.LoadClosure, DerefSlot(fv));
            _b.Emit(Opcode.BuildTuple, code.FreeVars.Length);
            flags |= 8;
        }
        LoadConst(code);
        _b.Emit(Opcode.MakeFunction, flags);
    }

    private void CompileFunctionDef(FunctionDef f)
    {
        VisitExprs(f.Decorators);
        _b.Line = f.Pos.Line;
        int flags = EmitDefaults(f.Args);
        int firstLine = f.Decorators.Count > 0 ? f.Decorators[0].Pos.Line : f.Pos.Line;
        var code = Child(f, f.Name).CompileFunctionBody(f.Name, f.Args, firstLine, f.Pos.Line, g => g.VisitBody(f.Body), false);
        _b.Line = f.Pos.Line;
        EmitMakeFunction(code, flags);
        ApplyDecorators(f.Decorators);
        _b.Line = f.Pos.Line;
        NameOp(f.Name, ExprContext.Store);
    }

    private void ApplyDecorators(IReadOnlyList<Expr> decorators)
    {
        for (int i = decorators.Count - 1; i >= 0; i--)
        {
            _b.Line = decorators[i].Pos.Line;
            _b.Emit(Opcode.Call, 1);
        }
    }

    private void CompileLambda(Lambda l)
    {
        int flags = EmitDefaults(l.Args);
        var code = Child(l, "<lambda>").CompileFunctionBody("<lambda>", l.Args, l.Pos.Line, l.Pos.Line, g => g.LambdaBody(l), true);
        _b.Line = l.Pos.Line;
        EmitMakeFunction(code, flags);
    }

    private string? VisitBody(IReadOnlyList<Stmt> body)
    {
        string? doc = DocString(body);
        VisitStmts(doc != null ? body.Skip(1).ToList() : body);
        return doc;
    }

    private string? LambdaBody(Lambda l)
    {
        VisitExpr(l.Body);
        if (_scope.IsGenerator) _b.Emit(Opcode.PopTop); // a generator lambda returns None
        else _b.Emit(Opcode.ReturnValue);
        return null;
    }

    private CodeObject CompileFunctionBody(string name, Arguments args, int firstLine, int defLine, Func<CodeGenerator, string?> body, bool isLambda)
    {
        _b.Line = defLine;
        EmitPrologue();
        string? doc = body(this);
        LoadConst(null);
        _b.Emit(Opcode.ReturnValue);
        var flags = CodeFlags.None;
        if (args.VarArg != null) flags |= CodeFlags.VarArgs;
        if (args.KwArg != null) flags |= CodeFlags.VarKeywords;
        if (_scope.IsGenerator) flags |= CodeFlags.Generator;
        if (isLambda) flags |= CodeFlags.Lambda;
        return Finish(name, flags, args.PosOnlyArgs.Count + args.Args.Count, args.KwOnlyArgs.Count, firstLine, doc,
            args.PosOnlyArgs.Count);
    }

    private void CompileClassDef(ClassDef c)
    {
        VisitExprs(c.Decorators);
        int firstLine = c.Decorators.Count > 0 ? c.Decorators[0].Pos.Line : c.Pos.Line;
        var code = Child(c, c.Name).CompileClassBody(c, firstLine);
        _b.Line = c.Pos.Line;
        EmitMakeFunction(code, 0);
        if (c.Bases.Count > 255 || c.Keywords.Count > 255)
            throw new NotSupportedFeatureError("more than 255 bases or class keywords", _fileName, c.Pos.Line);
        LoadConst(c.Name);
        VisitExprs(c.Bases);
        foreach (var k in c.Keywords) VisitExpr(k.Value);
        if (c.Keywords.Count > 0) LoadConst(c.Keywords.Select(k => (object?)k.Name).ToArray());
        _b.Line = c.Pos.Line;
        _b.Emit(Opcode.BuildClass, c.Bases.Count | c.Keywords.Count << 8);
        ApplyDecorators(c.Decorators);
        _b.Line = c.Pos.Line;
        NameOp(c.Name, ExprContext.Store);
    }

    /// <summary>The class body: sets __module__ and __qualname__ (and __doc__), runs the body and
    /// returns its __class__ cell (or None) for BuildClass.</summary>
    private CodeObject CompileClassBody(ClassDef c, int firstLine)
    {
        _b.Line = c.Pos.Line;
        EmitPrologue();
        _b.Emit(Opcode.LoadName, NameIndex("__name__"));
        _b.Emit(Opcode.StoreName, NameIndex("__module__"));
        LoadConst(_qualName);
        _b.Emit(Opcode.StoreName, NameIndex("__qualname__"));
        var body = c.Body;
        EmitSetupAnnotations(body);
        if (DocString(body) is { } doc)
        {
            _b.Line = body[0].Pos.Line;
            LoadConst(doc);
            _b.Emit(Opcode.StoreName, NameIndex("__doc__"));
            body = body.Skip(1).ToList();
        }
        VisitStmts(body);
        if (_scope.NeedsClassClosure) _b.Emit(Opcode.LoadClosure, CellSlot("__class__"));
        else LoadConst(null);
        _b.Emit(Opcode.ReturnValue);
        return Finish(c.Name, CodeFlags.ClassBody, 0, 0, firstLine, null);
    }

    /// <summary>The enclosing side of a comprehension: MakeFunction; GetIter on the first iterable
    /// (evaluated here); Call 1.</summary>
    private void CompileComprehension(Expr node, IReadOnlyList<Comprehension> gens)
    {
        var scope = _symbols.ScopeOf(node);
        var code = Child(node, scope.Name).CompileComprehensionBody(node, gens);
        _b.Line = node.Pos.Line;
        EmitMakeFunction(code, 0);
        VisitIterable(gens[0].Iter);
        _b.Line = node.Pos.Line;
        _b.Emit(Opcode.GetIter);
        _b.Emit(Opcode.Call, 1);
    }

    private CodeObject CompileComprehensionBody(Expr node, IReadOnlyList<Comprehension> gens)
    {
        _b.Line = node.Pos.Line;
        EmitPrologue();
        switch (node)
        {
            case ListComp: _b.Emit(Opcode.BuildList, 0); break;
            case SetComp: _b.Emit(Opcode.BuildSet, 0); break;
            case DictComp: _b.Emit(Opcode.BuildMap, 0); break;
        }
        CompileGenerator(node, gens, 0);
        _b.Line = node.Pos.Line;
        bool isGen = node is GeneratorExp;
        if (isGen) LoadConst(null);
        _b.Emit(Opcode.ReturnValue);
        var flags = CodeFlags.Comprehension | (isGen ? CodeFlags.Generator : CodeFlags.None);
        return Finish(_scope.Name, flags, 1, 0, node.Pos.Line, null);
    }

    private void CompileGenerator(Expr node, IReadOnlyList<Comprehension> gens, int i)
    {
        var gen = gens[i];
        var start = new Label();
        var anchor = new Label();
        if (i == 0) _b.Emit(Opcode.LoadFast, 0); // `.0`, the iterator made by the caller
        else
        {
            VisitIterable(gen.Iter);
            _b.Emit(Opcode.GetIter);
        }
        _b.Mark(start);
        _b.EmitJump(Opcode.ForIter, anchor);
        CompileStore(gen.Target);
        foreach (var cond in gen.Ifs) JumpIf(cond, start, false);
        if (i + 1 < gens.Count) CompileGenerator(node, gens, i + 1);
        else
        {
            // The container sits below the n iterators: ListAppend/SetAdd/MapAdd n+1.
            int depth = gens.Count + 1;
            switch (node)
            {
                case ListComp c: VisitExpr(c.Elt); _b.Emit(Opcode.ListAppend, depth); break;
                case SetComp c: VisitExpr(c.Elt); _b.Emit(Opcode.SetAdd, depth); break;
                case DictComp c: VisitExpr(c.Key); VisitExpr(c.Value); _b.Emit(Opcode.MapAdd, depth); break;
                case GeneratorExp c:
                    VisitExpr(c.Elt);
                    _b.Emit(Opcode.YieldValue);
                    _b.Emit(Opcode.PopTop);
                    break;
            }
        }
        _b.EmitJump(Opcode.Jump, start);
        _b.Mark(anchor);
    }
}
