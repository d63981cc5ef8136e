using Lbbv.Bytecode.Compiler.Symbols;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

internal sealed partial class CodeGenerator
{
    private void CompileCall(Call c)
    {
        var seen = new HashSet<string>();
        foreach (var k in c.Keywords)
            if (k.Name != null && !seen.Add(k.Name)) throw Error($"keyword argument repeated: {k.Name}", k.Pos);

        bool hasStar = c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Name == null);
        if (TryCompileZeroArgSuper(c)) return;

        if (c.Func is Attribute { Ctx: ExprContext.Load } m && c.Keywords.Count == 0 && !hasStar)
        {
            // obj.meth(a, b): [func, self_or_NULL, a, b] -> CallMethod 2
            VisitExpr(m.Value);
            _b.Line = m.Pos.Line;
            _b.Emit(Opcode.LoadMethod, NameIndex(Mangle(m.Attr)));
            VisitExprs(c.Args);
            _b.Line = c.Pos.Line;
            _b.Emit(Opcode.CallMethod, c.Args.Count);
            return;
        }

        VisitExpr(c.Func);
        if (hasStar)
        {
            CompileCallEx(c);
            return;
        }
        VisitExprs(c.Args);
        if (c.Keywords.Count == 0)
        {
            _b.Line = c.Pos.Line;
            _b.Emit(Opcode.Call, c.Args.Count);
            return;
        }
        foreach (var k in c.Keywords) VisitExpr(k.Value);
        var kwnames = c.Keywords.Select(k => (object?)k.Name!).ToArray();
        _b.Line = c.Pos.Line;
        LoadConst(kwnames);
        _b.Emit(Opcode.CallKw, c.Args.Count + c.Keywords.Count);
    }

    /// <summary>[callable] -> CallEx: the positional arguments as a tuple (BuildList + ListAppend /
    /// ListExtend + ListToTuple) and, when there are keywords, a dict (BuildMap + DictMerge).</summary>
    private void CompileCallEx(Call c)
    {
        int leading = 0;
        while (leading < c.Args.Count && c.Args[leading] is not Starred) VisitExpr(c.Args[leading++]);
        _b.Emit(Opcode.BuildList, leading);
        for (int i = leading; i < c.Args.Count; i++)
        {
            if (c.Args[i] is Starred s)
            {
                VisitExpr(s.Value);
                _b.Emit(Opcode.ListExtend, 1);
            }
            else
            {
                VisitExpr(c.Args[i]);
                _b.Emit(Opcode.ListAppend, 1);
            }
        }
        _b.Emit(Opcode.ListToTuple);

        int flags = 0;
        if (c.Keywords.Count > 0)
        {
            flags = 1;
            int pending = 0;
            bool haveDict = false;
            void Flush()
            {
                if (pending == 0) return;
                _b.Emit(Opcode.BuildMap, pending);
                if (haveDict) _b.Emit(Opcode.DictMerge, 1);
                haveDict = true;
                pending = 0;
            }
            foreach (var k in c.Keywords)
            {
                if (k.Name != null)
                {
                    LoadConst(k.Name);
                    VisitExpr(k.Value);
                    pending++;
                    continue;
                }
                Flush();
                if (!haveDict) { _b.Emit(Opcode.BuildMap, 0); haveDict = true; }
                VisitExpr(k.Value);
                _b.Emit(Opcode.DictMerge, 1);
            }
            Flush();
        }
        _b.Line = c.Pos.Line;
        _b.Emit(Opcode.CallEx, flags);
    }

    /// <summary>`super()` inside a method: LoadGlobal super; LoadDeref __class__; load the first
    /// parameter; Call 2 (CPython finds both in the frame at run time instead).</summary>
    private bool TryCompileZeroArgSuper(Call c)
    {
        if (c.Func is not Name { Id: "super" } || c.Args.Count != 0 || c.Keywords.Count != 0) return false;
        if (!_scope.IsFunctionLike || _scope.Params.Count == 0) return false;
        if (AccessOf("super") != Access.Global || _scope.Resolve("__class__") != VarKind.Free) return false;
        int argCount = ArgCountOf(_scope);
        if (argCount == 0) return false;
        _b.Line = c.Pos.Line;
        _b.Emit(Opcode.LoadGlobal, NameIndex("super"));
        _b.Emit(Opcode.LoadDeref, DerefSlot("__class__"));
        string first = _scope.Params[0];
        if (CellSlot(first) >= 0) _b.Emit(Opcode.LoadDeref, CellSlot(first));
        else _b.Emit(Opcode.LoadFast, _varIndex[first]);
        _b.Emit(Opcode.Call, 2);
        return true;
    }
}
