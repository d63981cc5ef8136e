using Lbbv.Syntax;
using SyntaxList = Lbbv.Syntax.List;
using SyntaxTuple = Lbbv.Syntax.Tuple;

namespace Lbbv.Bytecode.Compiler.CodeGen;

// Assignment, deletion and augmented-assignment targets.
internal sealed partial class CodeGenerator
{
    /// <summary>Stores TOS into the target: [v] -> [].</summary>
    private void CompileStore(Expr target)
    {
        int saved = _b.Line;
        _b.Line = target.Pos.Line;
        switch (target)
        {
            case Name n: NameOp(n.Id, ExprContext.Store); break;
            case Attribute a:
                VisitExpr(a.Value);
                _b.Line = a.Pos.Line;
                _b.Emit(Opcode.StoreAttr, NameIndex(Mangle(a.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitSlice(s.Slice);
                _b.Line = s.Pos.Line;
                _b.Emit(Opcode.StoreSubscr);
                break;
            case SyntaxTuple t: StoreUnpack(t.Elts); break;
            case SyntaxList l: StoreUnpack(l.Elts); break;
            case Starred s: throw Error("starred assignment target must be in a list or tuple", s.Pos);
            default: throw Error($"cannot assign to {target.GetType().Name.ToLowerInvariant()}", target.Pos);
        }
        _b.Line = saved;
    }

    private void StoreUnpack(IReadOnlyList<Expr> elts)
    {
        int star = -1;
        for (int i = 0; i < elts.Count; i++)
        {
            if (elts[i] is not Starred s) continue;
            if (star >= 0) throw Error("multiple starred expressions in assignment", s.Pos);
            star = i;
        }
        if (star < 0) _b.Emit(Opcode.UnpackSequence, elts.Count);
        else
        {
            int after = elts.Count - star - 1;
            if (star > 255 || after > 255) throw Error("too many expressions in star-unpacking assignment", elts[star].Pos);
            _b.Emit(Opcode.UnpackEx, star | (after << 8));
        }
        foreach (var e in elts) CompileStore(e is Starred s ? s.Value : e);
    }

    private void CompileDelete(Expr target)
    {
        _b.Line = target.Pos.Line;
        switch (target)
        {
            case Name n: NameOp(n.Id, ExprContext.Del); break;
            case Attribute a:
                VisitExpr(a.Value);
                _b.Line = a.Pos.Line;
                _b.Emit(Opcode.DeleteAttr, NameIndex(Mangle(a.Attr)));
                break;
            case Subscript s:
                VisitExpr(s.Value);
                VisitSlice(s.Slice);
                _b.Line = s.Pos.Line;
                _b.Emit(Opcode.DeleteSubscr);
                break;
            case SyntaxTuple t: foreach (var e in t.Elts) CompileDelete(e); break;
            case SyntaxList l: foreach (var e in l.Elts) CompileDelete(e); break;
            default: throw Error($"cannot delete {target.GetType().Name.ToLowerInvariant()}", target.Pos);
        }
    }

    /// <summary>`t op= v` as CPython 3.11 (BinaryOp with the in-place flag +16).</summary>
    private void CompileAugAssign(AugAssign a)
    {
        int op = (int)a.Op + 16;
        switch (a.Target)
        {
            case Name n:
                NameOp(n.Id, ExprContext.Load);
                VisitExpr(a.Value);
                _b.Line = a.Pos.Line;
                _b.Emit(Opcode.BinaryOp, op);
                NameOp(n.Id, ExprContext.Store);
                break;
            case Attribute at:
                {
                    // [obj] Copy 1 [obj, obj] LoadAttr [obj, x] v BinaryOp [obj, r] Swap 2 [r, obj] StoreAttr
                    VisitExpr(at.Value);
                    int name = NameIndex(Mangle(at.Attr));
                    _b.Line = at.Pos.Line;
                    _b.Emit(Opcode.Copy, 1);
                    _b.Emit(Opcode.LoadAttr, name);
                    VisitExpr(a.Value);
                    _b.Line = a.Pos.Line;
                    _b.Emit(Opcode.BinaryOp, op);
                    _b.Emit(Opcode.Swap, 2);
                    _b.Emit(Opcode.StoreAttr, name);
                    break;
                }
            case Subscript s:
                // [o, k] Copy 2; Copy 2 [o, k, o, k] BinarySubscr [o, k, x] v BinaryOp [o, k, r]
                // Swap 3 [r, k, o] Swap 2 [r, o, k] StoreSubscr
                VisitExpr(s.Value);
                VisitSlice(s.Slice);
                _b.Line = s.Pos.Line;
                _b.Emit(Opcode.Copy, 2);
                _b.Emit(Opcode.Copy, 2);
                _b.Emit(Opcode.BinarySubscr);
                VisitExpr(a.Value);
                _b.Line = a.Pos.Line;
                _b.Emit(Opcode.BinaryOp, op);
                _b.Emit(Opcode.Swap, 3);
                _b.Emit(Opcode.Swap, 2);
                _b.Emit(Opcode.StoreSubscr);
                break;
            default:
                throw Error("'" + a.Target.GetType().Name.ToLowerInvariant() + "' is an illegal expression for augmented assignment", a.Target.Pos);
        }
    }
}
