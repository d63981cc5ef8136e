using System.Numerics;
using Lbbv.Bytecode.Compiler.Emit;
using Lbbv.Syntax;
using SyntaxList = Lbbv.Syntax.List;
using SyntaxTuple = Lbbv.Syntax.Tuple;

namespace Lbbv.Bytecode.Compiler.CodeGen;

internal sealed partial class CodeGenerator
{
    private void VisitExprs(IEnumerable<Expr> es)
    {
        foreach (var e in es) VisitExpr(e);
    }

    /// <summary>Compiles e; its instructions carry e's line (restored afterwards, as CPython).</summary>
    private void VisitExpr(Expr e)
    {
        int saved = _b.Line;
        _b.Line = e.Pos.Line;
        VisitExprInner(e);
        _b.Line = saved;
    }

    private void VisitExprInner(Expr e)
    {
        switch (e)
        {
            case Constant c: LoadConst(c.Value); break;
            case Name n:
                if (n.Ctx != ExprContext.Load) throw new InvalidOperationException("internal compiler error: Name not in Load context");
                NameOp(n.Id, ExprContext.Load);
                break;
            case BinOp b:
                VisitExpr(b.Left);
                VisitExpr(b.Right);
                _b.Line = b.Pos.Line;
                _b.Emit(Opcode.BinaryOp, (int)b.Op);
                break;
            case UnaryOp u: CompileUnary(u); break;
            case BoolOp b:
                {
                    var end = new Label();
                    for (int i = 0; i < b.Values.Count; i++)
                    {
                        VisitExpr(b.Values[i]);
                        if (i < b.Values.Count - 1)
                            _b.EmitJump(b.Op == BoolOpKind.And ? Opcode.JumpIfFalseOrPop : Opcode.JumpIfTrueOrPop, end);
                    }
                    _b.Mark(end);
                    break;
                }
            case Compare c: CompileCompare(c); break;
            case IfExp i:
                {
                    var orElse = new Label();
                    var end = new Label();
                    JumpIf(i.Test, orElse, false);
                    VisitExpr(i.Body);
                    _b.EmitJump(Opcode.Jump, end);
                    _b.Mark(orElse);
                    VisitExpr(i.OrElse);
                    _b.Mark(end);
                    break;
                }
            case Call c: CompileCall(c); break;
            case Attribute a:
                VisitExpr(a.Value);
                _b.Line = a.Pos.Line;
                _b.Emit(Opcode.LoadAttr, NameIndex(Mangle(a.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitSlice(s.Slice);
                _b.Line = s.Pos.Line;
                _b.Emit(Opcode.BinarySubscr);
                break;
            case Slice s: VisitSlice(s); break;
            case SyntaxTuple t: StarUnpack(t.Elts, Opcode.BuildTuple); break;
            case SyntaxList l: StarUnpack(l.Elts, Opcode.BuildList); break;
            case Set s: StarUnpack(s.Elts, Opcode.BuildSet); break;
            case Dict d: CompileDict(d); break;
            case Lambda l: CompileLambda(l); break;
            case ListComp c: CompileComprehension(c, c.Generators); break;
            case SetComp c: CompileComprehension(c, c.Generators); break;
            case DictComp c: CompileComprehension(c, c.Generators); break;
            case GeneratorExp c: CompileComprehension(c, c.Generators); break;
            case Yield y:
                if (y.Value != null) VisitExpr(y.Value);
                else LoadConst(null);
                _b.Emit(Opcode.YieldValue);
                break;
            case YieldFrom y:
                {
                    VisitExpr(y.Value);
                    _b.Emit(Opcode.GetYieldFromIter);
                    LoadConst(null);
                    var send = new Label();
                    var exit = new Label();
                    _b.Mark(send);
                    _b.EmitJump(Opcode.Send, exit);
                    _b.Emit(Opcode.YieldValue);
                    _b.EmitJump(Opcode.Jump, send);
                    _b.Mark(exit);
                    break;
                }
            case JoinedStr j: CompileJoinedStr(j); break;
            case FormattedValue f: CompileFormattedValue(f); break;
            case Starred s: throw Error("can't use starred expression here", s.Pos);
            case NamedExpr ne:
                VisitExpr(ne.Value);
                _b.Emit(Opcode.Copy, 1);
                CompileStore(ne.Target);
                break;
            default: throw new NotSupportedFeatureError(e.GetType().Name + " expression", _fileName, e.Pos.Line);
        }
    }

    private void CompileUnary(UnaryOp u)
    {
        // The only folding: a negated number literal becomes a constant.
        if (u.Op == UnaryOpKind.USub && u.Operand is Constant { Value: BigInteger or double } c)
        {
            LoadConst(c.Value is BigInteger i ? -i : -(double)c.Value!);
            return;
        }
        VisitExpr(u.Operand);
        _b.Line = u.Pos.Line;
        _b.Emit(u.Op switch
        {
            UnaryOpKind.Invert => Opcode.UnaryInvert,
            UnaryOpKind.Not => Opcode.UnaryNot,
            UnaryOpKind.UAdd => Opcode.UnaryPositive,
            _ => Opcode.UnaryNegative,
        });
    }

    private void VisitSlice(Expr e)
    {
        if (e is not Slice s)
        {
            VisitExpr(e);
            return;
        }
        if (s.Lower != null) VisitExpr(s.Lower); else LoadConst(null);
        if (s.Upper != null) VisitExpr(s.Upper); else LoadConst(null);
        if (s.Step != null) VisitExpr(s.Step);
        _b.Emit(Opcode.BuildSlice, s.Step != null ? 3 : 2);
    }

    private void EmitCompareOp(CmpOpKind op)
    {
        switch (op)
        {
            case CmpOpKind.Is: _b.Emit(Opcode.IsOp, 0); break;
            case CmpOpKind.IsNot: _b.Emit(Opcode.IsOp, 1); break;
            case CmpOpKind.In: _b.Emit(Opcode.ContainsOp, 0); break;
            case CmpOpKind.NotIn: _b.Emit(Opcode.ContainsOp, 1); break;
            default: _b.Emit(Opcode.CompareOp, (int)op); break;
        }
    }

    /// <summary>`a < b < c` as CPython 3.11: keep the middle operand with Swap/Copy, stop at the
    /// first false comparison and drop the kept operand in a cleanup block.</summary>
    private void CompileCompare(Compare c)
    {
        VisitExpr(c.Left);
        int n = c.Ops.Count;
        if (n == 1)
        {
            VisitExpr(c.Comparators[0]);
            _b.Line = c.Pos.Line;
            EmitCompareOp(c.Ops[0]);
            return;
        }
        var cleanup = new Label();
        var end = new Label();
        for (int i = 0; i < n - 1; i++)
        {
            VisitExpr(c.Comparators[i]);
            _b.Line = c.Pos.Line;
            _b.Emit(Opcode.Swap, 2);
            _b.Emit(Opcode.Copy, 2);
            EmitCompareOp(c.Ops[i]);
            _b.EmitJump(Opcode.JumpIfFalseOrPop, cleanup);
        }
        VisitExpr(c.Comparators[n - 1]);
        _b.Line = c.Pos.Line;
        EmitCompareOp(c.Ops[n - 1]);
        _b.EmitJump(Opcode.Jump, end);
        _b.Mark(cleanup);
        _b.Emit(Opcode.Swap, 2);
        _b.Emit(Opcode.PopTop);
        _b.Mark(end);
    }

    /// <summary>Jumps to target when the truth of e equals cond, without materializing `not`,
    /// `and`, `or` and conditional expressions (CPython's compiler_jump_if).</summary>
    private void JumpIf(Expr e, Label target, bool cond)
    {
        switch (e)
        {
            case UnaryOp { Op: UnaryOpKind.Not } u:
                JumpIf(u.Operand, target, !cond);
                return;
            case BoolOp b:
                {
                    bool isOr = b.Op == BoolOpKind.Or;
                    if (isOr != cond)
                    {
                        var next = new Label();
                        for (int i = 0; i < b.Values.Count - 1; i++) JumpIf(b.Values[i], next, isOr);
                        JumpIf(b.Values[^1], target, cond);
                        _b.Mark(next);
                    }
                    else
                    {
                        foreach (var v in b.Values) JumpIf(v, target, cond);
                    }
                    return;
                }
            case IfExp i:
                {
                    var end = new Label();
                    var next2 = new Label();
                    JumpIf(i.Test, next2, false);
                    JumpIf(i.Body, target, cond);
                    _b.EmitJump(Opcode.Jump, end);
                    _b.Mark(next2);
                    JumpIf(i.OrElse, target, cond);
                    _b.Mark(end);
                    return;
                }
            case Compare { Ops.Count: 1, Comparators: [Constant { Value: null }] } c
                when c.Ops[0] is CmpOpKind.Is or CmpOpKind.IsNot:
                {
                    // `x is None` / `x is not None` branch directly (CPython's POP_JUMP_IF_NONE).
                    VisitExpr(c.Left);
                    _b.Line = c.Pos.Line;
                    bool jumpOnNone = (c.Ops[0] == CmpOpKind.Is) == cond;
                    _b.EmitJump(jumpOnNone ? Opcode.PopJumpIfNone : Opcode.PopJumpIfNotNone, target);
                    return;
                }
        }
        VisitExpr(e);
        _b.Line = e.Pos.Line;
        _b.EmitJump(cond ? Opcode.PopJumpIfTrue : Opcode.PopJumpIfFalse, target);
    }

    /// <summary>Tuple, list and set displays; with starred items the items are collected in a
    /// list (BuildList + ListAppend/ListExtend), as CPython 3.11's starunpack_helper.</summary>
    private void StarUnpack(IReadOnlyList<Expr> elts, Opcode build)
    {
        int firstStar = -1;
        for (int i = 0; i < elts.Count; i++)
            if (elts[i] is Starred) { firstStar = i; break; }
        if (firstStar < 0)
        {
            // Three or more constants: the interpreter builds the set as CPython's frozenset constant
            // + SET_UPDATE would (see ConstantFolding), so they must be the constants CPython folds.
            if (build == Opcode.BuildSet && elts.Count > 2 && ConstantFolding.TryFoldAll(elts, out var values))
                foreach (var v in values) LoadConst(v);
            else VisitExprs(elts);
            _b.Emit(build, elts.Count);
            return;
        }
        bool isSet = build == Opcode.BuildSet;
        for (int i = 0; i < firstStar; i++) VisitExpr(elts[i]);
        _b.Emit(isSet ? Opcode.BuildSet : Opcode.BuildList, firstStar);
        for (int i = firstStar; i < elts.Count; i++)
        {
            if (elts[i] is Starred s)
            {
                VisitExpr(s.Value);
                _b.Emit(isSet ? Opcode.SetUpdate : Opcode.ListExtend, 1);
            }
            else
            {
                VisitExpr(elts[i]);
                _b.Emit(isSet ? Opcode.SetAdd : Opcode.ListAppend, 1);
            }
        }
        if (build == Opcode.BuildTuple) _b.Emit(Opcode.ListToTuple);
    }

    /// <summary>The iterable of a `for` or a comprehension. A set display of constants is a frozenset
    /// constant in CPython (fold_iter): its elements are loaded as constants, and the interpreter
    /// gives BuildSet followed by GetIter the frozenset's order.</summary>
    private void VisitIterable(Expr iter)
    {
        if (iter is Set s && s.Elts.All(e => e is not Starred) && ConstantFolding.TryFoldAll(s.Elts, out var values))
        {
            _b.Line = iter.Pos.Line;
            foreach (var v in values) LoadConst(v);
            _b.Emit(Opcode.BuildSet, values.Length);
            return;
        }
        VisitExpr(iter);
    }

    /// <summary>`{k: v, **m}`: runs of pairs become BuildMap n; `**m` merges with DictUpdate 1.</summary>
    private void CompileDict(Dict d)
    {
        int pending = 0;
        bool haveDict = false;
        void Flush()
        {
            if (pending == 0) return;
            _b.Emit(Opcode.BuildMap, pending);
            if (haveDict) _b.Emit(Opcode.DictUpdate, 1);
            haveDict = true;
            pending = 0;
        }
        for (int i = 0; i < d.Values.Count; i++)
        {
            if (d.Keys[i] is { } key)
            {
                VisitExpr(key);
                VisitExpr(d.Values[i]);
                pending++;
            }
            else
            {
                Flush();
                if (!haveDict) { _b.Emit(Opcode.BuildMap, 0); haveDict = true; }
                VisitExpr(d.Values[i]);
                _b.Emit(Opcode.DictUpdate, 1);
            }
        }
        Flush();
        if (!haveDict) _b.Emit(Opcode.BuildMap, 0);
    }

    private void CompileJoinedStr(JoinedStr j)
    {
        if (j.Values.Count == 0)
        {
            LoadConst("");
            return;
        }
        VisitExprs(j.Values);
        if (j.Values.Count > 1) _b.Emit(Opcode.BuildString, j.Values.Count);
    }

    private void CompileFormattedValue(FormattedValue f)
    {
        VisitExpr(f.Value);
        int flags = f.Conversion switch { 's' => 1, 'r' => 2, 'a' => 3, _ => 0 };
        if (f.FormatSpec != null)
        {
            VisitExpr(f.FormatSpec);
            flags |= 4;
        }
        _b.Line = f.Pos.Line;
        _b.Emit(Opcode.FormatValue, flags);
    }
}
