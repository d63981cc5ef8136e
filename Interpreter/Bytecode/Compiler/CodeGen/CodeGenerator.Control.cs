using Lbbv.Bytecode.Compiler.Emit;
using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.CodeGen;

// Loops, break/continue/return with unwinding, try/except/finally (the CPython 3.11 scheme).
internal sealed partial class CodeGenerator
{
    private readonly List<FrameBlock> _fblocks = new();

    private void Push(FrameBlock f) => _fblocks.Add(f);

    private void Pop(FrameBlock f)
    {
        if (_fblocks.Count == 0 || _fblocks[^1] != f) throw new InvalidOperationException("internal compiler error: fblock stack out of order");
        _fblocks.RemoveAt(_fblocks.Count - 1);
    }

    private static bool IsConstantTrue(Expr e) => e is Constant { Value: var v } && v switch
    {
        bool b => b,
        System.Numerics.BigInteger i => !i.IsZero,
        double d => d != 0,
        string s => s.Length > 0,
        _ => false,
    };

    private void CompileWhile(While w)
    {
        var start = new Label();
        var orElse = new Label();
        var end = new Label();
        _b.Mark(start);
        if (!IsConstantTrue(w.Test)) JumpIf(w.Test, orElse, false);
        var fb = new FrameBlock(FrameBlockKind.WhileLoop) { Continue = start, Exit = end };
        Push(fb);
        VisitStmts(w.Body);
        Pop(fb);
        _b.Line = w.Pos.Line;
        _b.EmitJump(Opcode.Jump, start);
        _b.Mark(orElse);
        VisitStmts(w.OrElse);
        _b.Mark(end);
    }

    private void CompileFor(For f)
    {
        var start = new Label();
        var cleanup = new Label();
        var end = new Label();
        VisitIterable(f.Iter);
        _b.Line = f.Pos.Line;
        _b.Emit(Opcode.GetIter);
        _b.Mark(start);
        _b.EmitJump(Opcode.ForIter, cleanup);
        var fb = new FrameBlock(FrameBlockKind.ForLoop) { Continue = start, Exit = end };
        Push(fb);
        CompileStore(f.Target);
        VisitStmts(f.Body);
        Pop(fb);
        _b.Line = f.Pos.Line;
        _b.EmitJump(Opcode.Jump, start);
        _b.Mark(cleanup);
        VisitStmts(f.OrElse);
        _b.Mark(end);
    }

    private void CompileBreak(Break s)
    {
        var saved = SaveUnwindState();
        var loop = UnwindStack(preserveTos: false, stopAtLoop: true)
            ?? throw Error("'break' outside loop", s.Pos);
        _b.Line = s.Pos.Line;
        UnwindOne(loop, preserveTos: false);
        _b.EmitJump(Opcode.Jump, loop.Exit!);
        RestoreUnwindState(saved);
    }

    private void CompileContinue(Continue s)
    {
        var saved = SaveUnwindState();
        var loop = UnwindStack(preserveTos: false, stopAtLoop: true)
            ?? throw Error("'continue' not properly in loop", s.Pos);
        _b.Line = s.Pos.Line;
        _b.EmitJump(Opcode.Jump, loop.Continue!);
        RestoreUnwindState(saved);
    }

    private void CompileReturn(Return r)
    {
        if (!_scope.IsFunctionLike) throw Error("'return' outside function", r.Pos);
        bool preserve = r.Value is not null and not Constant;
        if (preserve) VisitExpr(r.Value!);
        var saved = SaveUnwindState();
        UnwindStack(preserve, stopAtLoop: false);
        _b.Line = r.Pos.Line;
        if (!preserve) LoadConst(r.Value is Constant c ? c.Value : null);
        _b.Emit(Opcode.ReturnValue);
        RestoreUnwindState(saved);
    }

    private (FrameBlock[] Blocks, Handler[] Handlers) SaveUnwindState() => (_fblocks.ToArray(), _b.SaveHandlers());

    private void RestoreUnwindState((FrameBlock[] Blocks, Handler[] Handlers) s)
    {
        _fblocks.Clear();
        _fblocks.AddRange(s.Blocks);
        _b.RestoreHandlers(s.Handlers);
    }

    /// <summary>Emits the unwinding of every fblock from the top (down to the innermost loop when
    /// stopAtLoop, which is returned without being unwound). The caller restores the state.</summary>
    private FrameBlock? UnwindStack(bool preserveTos, bool stopAtLoop)
    {
        while (_fblocks.Count > 0)
        {
            var top = _fblocks[^1];
            if (stopAtLoop && top.IsLoop) return top;
            _fblocks.RemoveAt(_fblocks.Count - 1);
            UnwindOne(top, preserveTos);
        }
        return null;
    }

    private void UnwindOne(FrameBlock f, bool preserveTos)
    {
        switch (f.Kind)
        {
            case FrameBlockKind.WhileLoop or FrameBlockKind.ExceptionHandler:
                break;
            case FrameBlockKind.ForLoop or FrameBlockKind.PopValue:
                if (preserveTos) _b.Emit(Opcode.Swap, 2);
                _b.Emit(Opcode.PopTop);
                break;
            case FrameBlockKind.TryExcept:
                _b.PopHandler(f.Handler!);
                break;
            case FrameBlockKind.FinallyTry:
                {
                    _b.PopHandler(f.Handler!);
                    int line = _b.Line;
                    FrameBlock? pv = preserveTos ? new FrameBlock(FrameBlockKind.PopValue) : null;
                    if (pv != null) Push(pv);
                    VisitStmts(f.FinalBody!);
                    if (pv != null) Pop(pv);
                    _b.Line = line;
                    break;
                }
            case FrameBlockKind.FinallyEnd:
                if (preserveTos) _b.Emit(Opcode.Swap, 2);
                _b.Emit(Opcode.PopTop); // the exception
                if (preserveTos) _b.Emit(Opcode.Swap, 2);
                _b.PopHandler(f.Handler!);
                _b.Emit(Opcode.PopExcept);
                break;
            case FrameBlockKind.With:
                {
                    _b.PopHandler(f.Handler!);
                    int line = _b.Line;
                    _b.Line = f.Line;
                    if (preserveTos) _b.Emit(Opcode.Swap, 2);
                    EmitExitWithNones();
                    _b.Line = line;
                    break;
                }
            case FrameBlockKind.HandlerCleanup:
                if (f.NameHandler != null) _b.PopHandler(f.NameHandler);
                if (preserveTos) _b.Emit(Opcode.Swap, 2);
                _b.PopHandler(f.Handler!);
                _b.Emit(Opcode.PopExcept);
                if (f.Name != null) ClearName(f.Name);
                break;
        }
    }

    /// <summary>`n = None; del n` for the name of `except E as n` (as CPython).</summary>
    private void ClearName(string name)
    {
        LoadConst(null);
        NameOp(name, ExprContext.Store);
        NameOp(name, ExprContext.Del);
    }

    /// <summary>[prev_exc, lasti, exc] -> restore prev_exc as the handled exception, re-raise exc.</summary>
    private void EmitPopExceptAndReraise()
    {
        _b.Emit(Opcode.Copy, 3);
        _b.Emit(Opcode.PopExcept);
        _b.Emit(Opcode.Reraise, 1);
    }

    private void CompileTryFinally(Try t)
    {
        var exit = new Label();
        var body = new Handler(pushLasti: false);
        _b.PushHandler(body);
        var fb = new FrameBlock(FrameBlockKind.FinallyTry) { Handler = body, FinalBody = t.FinalBody };
        Push(fb);
        if (t.Handlers.Count > 0) CompileTryExcept(t);
        else VisitStmts(t.Body);
        Pop(fb);
        _b.PopHandler(body);
        VisitStmts(t.FinalBody);
        _b.EmitJump(Opcode.Jump, exit);

        // Exceptional path: [exc] -> [prev_exc, exc]; run the finally body; re-raise.
        _b.Mark(body.Target);
        _b.Line = t.FinalBody[0].Pos.Line;
        var cleanup = new Handler(pushLasti: true);
        _b.PushHandler(cleanup);
        _b.Emit(Opcode.PushExcInfo);
        var fe = new FrameBlock(FrameBlockKind.FinallyEnd) { Handler = cleanup };
        Push(fe);
        VisitStmts(t.FinalBody);
        Pop(fe);
        _b.Emit(Opcode.Reraise, 0);
        _b.PopHandler(cleanup);
        _b.Mark(cleanup.Target);
        EmitPopExceptAndReraise();
        _b.Mark(exit);
    }

    private void CompileTryExcept(Try t)
    {
        var end = new Label();
        var dispatch = new Handler(pushLasti: false);
        _b.PushHandler(dispatch);
        var fb = new FrameBlock(FrameBlockKind.TryExcept) { Handler = dispatch };
        Push(fb);
        VisitStmts(t.Body);
        Pop(fb);
        _b.PopHandler(dispatch);
        VisitStmts(t.OrElse);
        _b.EmitJump(Opcode.Jump, end);

        // [exc] -> [prev_exc, exc], then match the handlers in order.
        _b.Mark(dispatch.Target);
        _b.Line = t.Handlers[0].Pos.Line;
        var cleanup = new Handler(pushLasti: true);
        _b.PushHandler(cleanup);
        _b.Emit(Opcode.PushExcInfo);
        var eh = new FrameBlock(FrameBlockKind.ExceptionHandler);
        Push(eh);
        for (int i = 0; i < t.Handlers.Count; i++)
        {
            var h = t.Handlers[i];
            _b.Line = h.Pos.Line;
            if (h.Type == null && i < t.Handlers.Count - 1) throw Error("default 'except:' must be last", h.Pos);
            var next = new Label();
            if (h.Type != null)
            {
                VisitExpr(h.Type);
                _b.Line = h.Pos.Line;
                _b.Emit(Opcode.CheckExcMatch);
                _b.EmitJump(Opcode.PopJumpIfFalse, next);
            }
            if (h.Name != null)
            {
                NameOp(h.Name, ExprContext.Store);
                // try: body finally: n = None; del n
                var nameCleanup = new Handler(pushLasti: true);
                _b.PushHandler(nameCleanup);
                var hc = new FrameBlock(FrameBlockKind.HandlerCleanup) { Handler = cleanup, NameHandler = nameCleanup, Name = h.Name };
                Push(hc);
                VisitStmts(h.Body);
                Pop(hc);
                _b.PopHandler(nameCleanup);
                _b.PopHandler(cleanup);
                _b.Emit(Opcode.PopExcept);
                ClearName(h.Name);
                _b.EmitJump(Opcode.Jump, end);

                // [prev_exc, lasti, exc]: clear the name, re-raise (into `cleanup`).
                _b.PushHandler(cleanup);
                _b.Mark(nameCleanup.Target);
                ClearName(h.Name);
                _b.Emit(Opcode.Reraise, 1);
            }
            else
            {
                _b.Emit(Opcode.PopTop);
                var hc = new FrameBlock(FrameBlockKind.HandlerCleanup) { Handler = cleanup };
                Push(hc);
                VisitStmts(h.Body);
                Pop(hc);
                _b.PopHandler(cleanup);
                _b.Emit(Opcode.PopExcept);
                _b.EmitJump(Opcode.Jump, end);
                _b.PushHandler(cleanup);
            }
            _b.Mark(next);
        }
        Pop(eh);
        // No handler matched: [prev_exc, exc] -> re-raise (into `cleanup`).
        _b.Emit(Opcode.Reraise, 0);
        _b.PopHandler(cleanup);
        _b.Mark(cleanup.Target);
        EmitPopExceptAndReraise();
        _b.Mark(end);
    }
}
