using Lbbv.Bytecode.Compiler.Emit;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

// `with` (CPython 3.11's compiler_with): one level per item, the inner items and the body nested.
//
//     <mgr>; BeforeWith                     [exit, enter()]     handler `final` (lasti, depth+1)
//     <store target> or PopTop              [exit]
//     <inner items / body>
//     LoadConst None x3; Call 3; PopTop     []                  exit(None, None, None)
//     Jump end
//   final:                                  [exit, lasti, exc]  handler `cleanup` (lasti)
//     PushExcInfo; WithExceptStart          [exit, lasti, prev, exc, exit(type, exc, tb)]
//     PopJumpIfTrue suppress; Reraise 0
//   suppress:
//     PopTop; PopExcept; PopTop; PopTop     []                  the exception is swallowed
//     Jump end
//   cleanup: Copy 3; PopExcept; Reraise 1
//   end:
//
// return/break/continue inside the body call exit(None, None, None) on the way out (UnwindOne).
internal sealed partial class CodeGenerator
{
    private void CompileWith(With w, int item)
    {
        var end = new Label();
        var it = w.Items[item];
        _b.Line = w.Pos.Line;
        VisitExpr(it.ContextExpr);
        _b.Line = w.Pos.Line;
        _b.Emit(Opcode.BeforeWith);
        var final = new Handler(pushLasti: true, depthAdjust: -1);
        _b.PushHandler(final);
        var fb = new FrameBlock(FrameBlockKind.With) { Handler = final, Line = w.Pos.Line };
        Push(fb);
        if (it.OptionalVars != null) CompileStore(it.OptionalVars);
        else _b.Emit(Opcode.PopTop);
        if (item + 1 < w.Items.Count) CompileWith(w, item + 1);
        else VisitStmts(w.Body);
        Pop(fb);
        _b.PopHandler(final);
        _b.Line = w.Pos.Line;
        EmitExitWithNones();
        _b.EmitJump(Opcode.Jump, end);

        _b.Mark(final.Target);
        var cleanup = new Handler(pushLasti: true);
        _b.PushHandler(cleanup);
        _b.Emit(Opcode.PushExcInfo);
        _b.Emit(Opcode.WithExceptStart);
        var suppress = new Label();
        _b.EmitJump(Opcode.PopJumpIfTrue, suppress);
        _b.Emit(Opcode.Reraise, 0);
        _b.Mark(suppress);
        _b.Emit(Opcode.PopTop);
        _b.PopHandler(cleanup);
        _b.Emit(Opcode.PopExcept);
        _b.Emit(Opcode.PopTop);
        _b.Emit(Opcode.PopTop);
        _b.EmitJump(Opcode.Jump, end);
        _b.Mark(cleanup.Target);
        EmitPopExceptAndReraise();
        _b.Mark(end);
    }

    /// <summary>[exit] -> []: exit(None, None, None), its result dropped.</summary>
    private void EmitExitWithNones()
    {
        LoadConst(null);
        LoadConst(null);
        LoadConst(null);
        _b.Emit(Opcode.Call, 3);
        _b.Emit(Opcode.PopTop);
    }
}
