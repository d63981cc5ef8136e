using Lbbv.Bytecode.Compiler.Symbols;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

internal sealed partial class CodeGenerator
{
    private void VisitStmts(IReadOnlyList<Stmt> body)
    {
        foreach (var s in body) VisitStmt(s);
    }

    private void VisitStmt(Stmt s)
    {
        _b.Line = s.Pos.Line;
        switch (s)
        {
            case FunctionDef f: CompileFunctionDef(f); break;
            case ClassDef c: CompileClassDef(c); break;
            case Return r: CompileReturn(r); break;
            case Delete d:
                foreach (var t in d.Targets) CompileDelete(t);
                break;
            case Assign a:
                VisitExpr(a.Value);
                for (int i = 0; i < a.Targets.Count; i++)
                {
                    if (i < a.Targets.Count - 1) _b.Emit(Opcode.Copy, 1);
                    CompileStore(a.Targets[i]);
                }
                break;
            case AugAssign a: CompileAugAssign(a); break;
            case AnnAssign a:
                if (a.Value != null)
                {
                    VisitExpr(a.Value);
                    CompileStore(a.Target);
                }
                if (_scope.Kind is ScopeKind.Module or ScopeKind.Class) { CompileAnnotation(a); break; }
                if (a.Value != null) break;
                if (a.Target is Attribute at)
                {
                    VisitExpr(at.Value);
                    _b.Emit(Opcode.PopTop);
                }
                else if (a.Target is Subscript sub)
                {
                    VisitExpr(sub.Value);
                    _b.Emit(Opcode.PopTop);
                    VisitExpr(sub.Slice);
                    _b.Emit(Opcode.PopTop);
                }
                break;
            case For f: CompileFor(f); break;
            case While w: CompileWhile(w); break;
            case If i: CompileIf(i); break;
            case Raise r:
                {
                    int n = 0;
                    if (r.Exc != null) { VisitExpr(r.Exc); n++; }
                    if (r.Cause != null) { VisitExpr(r.Cause); n++; }
                    _b.Line = r.Pos.Line;
                    _b.Emit(Opcode.RaiseVarargs, n);
                    break;
                }
            case Try t:
                if (t.FinalBody.Count > 0) CompileTryFinally(t);
                else CompileTryExcept(t);
                break;
            case Assert a: CompileAssert(a); break;
            case With w: CompileWith(w, 0); break;
            case Import im: CompileImport(im); break;
            case ImportFrom im: CompileImportFrom(im); break;
            case Global or Nonlocal or Pass: break;
            case Break br: CompileBreak(br); break;
            case Continue co: CompileContinue(co); break;
            case ExprStmt e:
                if (e.Value is Constant) break; // a docstring-like literal does nothing (as CPython)
                VisitExpr(e.Value);
                _b.Emit(Opcode.PopTop);
                break;
            default:
                throw new NotSupportedFeatureError(s.GetType().Name + " statement", _fileName, s.Pos.Line);
        }
    }

    /// <summary>At module and class level (CPython's compiler_annassign): a simple name's annotation
    /// goes into `__annotations__` (as a string under `from __future__ import annotations`); another
    /// target's annotation is evaluated and dropped (not even that under the future import).</summary>
    private void CompileAnnotation(AnnAssign a)
    {
        bool future = _symbols.Future.Annotations;
        if (!a.Simple)
        {
            if (a.Value == null && a.Target is Attribute at) { VisitExpr(at.Value); _b.Emit(Opcode.PopTop); }
            else if (a.Value == null && a.Target is Subscript sub)
            {
                VisitExpr(sub.Value); _b.Emit(Opcode.PopTop);
                VisitExpr(sub.Slice); _b.Emit(Opcode.PopTop);
            }
            if (future) return;
            VisitExpr(a.Annotation);
            _b.Emit(Opcode.PopTop);
            return;
        }
        if (future)
            LoadConst(AnnotationUnparser.Unparse(a.Annotation)
                ?? throw new NotSupportedFeatureError("this annotation under `from __future__ import "
                    + "annotations`", _fileName, a.Pos.Line));
        else VisitExpr(a.Annotation);
        NameOp("__annotations__", ExprContext.Load);
        LoadConst(Mangle(((Name)a.Target).Id));
        _b.Emit(Opcode.StoreSubscr);
    }

    /// <summary>CPython's find_ann: whether a module or class body (outside nested functions and
    /// classes) has an annotated assignment, which makes it start with `__annotations__ = {}`.</summary>
    private static bool HasAnnotations(IEnumerable<Stmt> body) => body.Any(s => s switch
    {
        AnnAssign => true,
        For f => HasAnnotations(f.Body) || HasAnnotations(f.OrElse),
        While w => HasAnnotations(w.Body) || HasAnnotations(w.OrElse),
        If i => HasAnnotations(i.Body) || HasAnnotations(i.OrElse),
        With w => HasAnnotations(w.Body),
        Try t => HasAnnotations(t.Body) || HasAnnotations(t.OrElse) || HasAnnotations(t.FinalBody)
            || t.Handlers.Any(h => HasAnnotations(h.Body)),
        _ => false,
    });

    /// <summary>SETUP_ANNOTATIONS at the start of a module or class body that has annotations.</summary>
    private void EmitSetupAnnotations(IReadOnlyList<Stmt> body)
    {
        if (!HasAnnotations(body)) return;
        _b.Emit(Opcode.BuildMap, 0);
        NameOp("__annotations__", ExprContext.Store);
    }

    private void CompileIf(If s)
    {
        var end = new Emit.Label();
        if (s.OrElse.Count > 0)
        {
            var orElse = new Emit.Label();
            JumpIf(s.Test, orElse, false);
            VisitStmts(s.Body);
            _b.EmitJump(Opcode.Jump, end);
            _b.Mark(orElse);
            VisitStmts(s.OrElse);
        }
        else
        {
            JumpIf(s.Test, end, false);
            VisitStmts(s.Body);
        }
        _b.Mark(end);
    }

    private void CompileAssert(Assert a)
    {
        var end = new Emit.Label();
        JumpIf(a.Test, end, true);
        _b.Line = a.Pos.Line;
        _b.Emit(Opcode.LoadAssertionError);
        if (a.Msg != null)
        {
            VisitExpr(a.Msg);
            _b.Emit(Opcode.Call, 1);
        }
        _b.Emit(Opcode.RaiseVarargs, 1);
        _b.Mark(end);
    }

    private void CompileImport(Import im)
    {
        foreach (var al in im.Names)
        {
            // ImportName pushes the module named exactly (dotted names import their parents).
            _b.Emit(Opcode.ImportName, NameIndex(al.Name));
            if (al.AsName != null) NameOp(al.AsName, ExprContext.Store);
            else
            {
                int dot = al.Name.IndexOf('.');
                if (dot >= 0)
                {
                    // `import a.b` binds the top-level package a.
                    _b.Emit(Opcode.PopTop);
                    string top = al.Name[..dot];
                    _b.Emit(Opcode.ImportName, NameIndex(top));
                    NameOp(top, ExprContext.Store);
                }
                else NameOp(al.Name, ExprContext.Store);
            }
        }
    }

    private void CompileImportFrom(ImportFrom im)
    {
        _b.Emit(Opcode.ImportName, NameIndex(im.ModuleName));
        if (im.Names.Count == 1 && im.Names[0].Name == "*")
        {
            _b.Emit(Opcode.ImportStar);
            return;
        }
        foreach (var al in im.Names)
        {
            _b.Emit(Opcode.ImportFrom, NameIndex(al.Name));
            NameOp(al.AsName ?? al.Name, ExprContext.Store);
        }
        _b.Emit(Opcode.PopTop);
    }
}
