// Records a trace while the interpreter runs it (its recording mode): each op with the operand
// stack it found, through the calls it follows into Python functions (inlined up to
// --max-inline-depth) and their returns. A loop's recording closes when its frame is back at the
// loop header; a bridge's or a function entry's, at any loop header of that frame with a compiled
// trace (an entry recording that reaches a loop without one aborts) or at the frame's return. Anything the
// tracer cannot compile abandons the recording with a counted reason.
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;

namespace Lbbv.Tracing.Recording;

public enum RecordingState { Recording, Closed, Aborted }

internal sealed unsafe class Recorder : ITraceRecorder
{
    private readonly TracingTier _tier;
    private readonly LoopHeader? _loop;
    private readonly bool _functionEntry;
    private readonly List<nint> _frames = [];
    private readonly List<TraceCode> _codes = [];
    private nint _expectedCallee;

    /// <param name="loop">The loop being recorded, or null for a bridge or a function entry (which
    /// close at any loop header of the root frame that has a trace, or at its return).</param>
    /// <param name="functionEntry">A recording from the function's entry.</param>
    public Recorder(TracingTier tier, Frame* root, TraceCode code, LoopHeader? loop, bool functionEntry = false)
    {
        _tier = tier;
        _loop = loop;
        _functionEntry = functionEntry;
        _frames.Add((nint)root);
        _codes.Add(code);
        Root = root;
        StartOffset = root->Ip;
        int depth = (int)(root->Sp - root->StackBase);
        EntryValues = new ReadOnlySpan<Value>(root->LocalsPlus, code.Code.SlotCount + depth).ToArray();
    }

    public Frame* Root { get; }
    public int StartOffset { get; }
    /// <summary>The root frame's locals and stack when the recording started.</summary>
    public Value[] EntryValues { get; }
    public List<RecordedOp> Ops { get; } = [];
    public RecordingState State { get; private set; } = RecordingState.Recording;
    public AbortReason Abort { get; private set; }
    /// <summary>Where a closed recording ends: its own loop's header or another loop's; null for a
    /// bridge that ends with its frame's return.</summary>
    public LoopHeader? ClosedAt { get; private set; }

    public bool Follows(Frame* f)
    {
        if (State != RecordingState.Recording || _expectedCallee == 0 || f->Function != _expectedCallee
            || (nint)f->Back != _frames[^1])
            return false;
        _expectedCallee = 0;
        _frames.Add((nint)f);
        _codes.Add(_tier.CodeOf(f->Code)!);
        return true;
    }

    public void OnUnwind(Frame* f)
    {
        if (State == RecordingState.Recording && _frames.Contains((nint)f)) Abandon(AbortReason.Exception);
    }

    public bool BeforeInstruction(Frame* f, int ip, Value* sp)
    {
        bool root = f == Root;
        if (State != RecordingState.Recording) return !root;
        int depth = _frames.Count - 1;
        // A frame the recording does not expect here (a followed call that never ran its frame).
        if ((nint)f != _frames[depth] || _expectedCallee != 0) return Abandon(AbortReason.UnsupportedOp, root);
        var code = _codes[depth];
        if (depth == 0 && Ops.Count > 0 && code.HeaderAt(ip) is { } header)
        {
            if (header == _loop || header.Trace != null)
            {
                State = RecordingState.Closed;
                ClosedAt = header;
                return false;
            }
            if (_functionEntry) return Abandon(AbortReason.LoopNotTraced, root);
        }
        if (_loop != null && depth == 0 && Ops.Count == 1 && Ops[0] is { Op: Opcode.ForIter } first
            && ip != first.Offset + 1)
            return Abandon(AbortReason.LoopExit, root);
        if (Ops.Count >= _tier.Options.TraceLimit) return Abandon(AbortReason.TooLong, root);
        int instr = code.InstrAt(ip);
        var op = OpcodeInfo.OpOf(instr);
        int arg = OpcodeInfo.ArgOf(instr);
        var stack = new ReadOnlySpan<Value>(f->StackBase, (int)(sp - f->StackBase)).ToArray();
        var recorded = new RecordedOp { Code = code, Offset = ip, Op = op, Arg = arg, Depth = depth, Stack = stack };
        switch (op)
        {
            case Opcode.YieldValue or Opcode.Send or Opcode.GetYieldFromIter:
                return Abandon(AbortReason.Generator, root);
            case Opcode.ReturnValue:
                if (depth == 0 && _loop == null)
                {
                    // A bridge may end by returning from its frame: the return leaves its code. It may
                    // be all the bridge does (an exit at `return a or b`'s short-circuit: richards'
                    // is_task_holding_or_waiting left 621,330 times when such bridges aborted).
                    Ops.Add(recorded);
                    State = RecordingState.Closed;
                    return false;
                }
                if (depth == 0) return Abandon(AbortReason.LeftFrame, root);
                Ops.Add(recorded);
                _frames.RemoveAt(depth);
                _codes.RemoveAt(depth);
                return true;
            case Opcode.JumpIfFalseOrPop or Opcode.JumpIfTrueOrPop:
                if (!stack[^1].IsBool && !stack[^1].IsInt) return Abandon(AbortReason.UnsupportedOp, root);
                break;
            case Opcode.Call or Opcode.CallMethod:
                if (!DecideCall(recorded, depth)) return Abandon(AbortReason.InlineDepth, root);
                break;
            case Opcode.Jump or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.PopJumpIfNone
                or Opcode.PopJumpIfNotNone or Opcode.ForIter:
                break;
            default:
                if (!OpTable.Of(op).Has(OpTraits.Steppable)) return Abandon(AbortReason.UnsupportedOp, root);
                break;
        }
        Ops.Add(recorded);
        return true;
    }

    /// <summary>Inlines a call of a plain Python function (exact positional arity, not a generator)
    /// while the depth allows; false when the depth limit is reached at a call site not yet known
    /// for it (the site is then left to the interpreter's call in later recordings).</summary>
    private bool DecideCall(RecordedOp call, int depth)
    {
        var stack = call.Stack;
        int arg = call.Arg;
        Value callable;
        int nargs;
        if (call.Op == Opcode.Call)
        {
            callable = stack[^(arg + 1)];
            nargs = arg;
        }
        else
        {
            callable = stack[^(arg + 2)];
            nargs = stack[^(arg + 1)].IsEmpty ? arg : arg + 1;
            if (stack[^(arg + 1)].IsEmpty) { call.Call = CallKind.Residual; return true; }
        }
        call.Call = CallKind.Residual;
        if (!Inlinable(callable, nargs)) return true;
        var site = (call.Code, call.Offset);
        if (_tier.NotInlined.Contains(site)) return true;
        if (depth + 1 > _tier.Options.MaxInlineDepth)
        {
            _tier.NotInlined.Add(site);
            return false;
        }
        call.Call = CallKind.Inlined;
        _expectedCallee = (nint)callable.Payload;
        return true;
    }

    private bool Inlinable(Value callable, int nargs)
    {
        if (!callable.Is(ObjectKind.Function)) return false;
        var code = Functions.Data(callable).Code;
        return !code.IsGenerator && code.SimpleArgs && code.ArgCount == nargs && JitCode.IsCompilable(code)
            && _tier.CodeOf(code) is not null;
    }

    /// <summary>Abandons the recording; the root frame stops before its next instruction (false).</summary>
    private bool Abandon(AbortReason reason, bool root)
    {
        Abandon(reason);
        return !root;
    }

    private void Abandon(AbortReason reason)
    {
        if (State != RecordingState.Recording) return;
        State = RecordingState.Aborted;
        Abort = reason;
        _expectedCallee = 0;
    }

    /// <summary>Marks every value the recording holds (the collector may run while it records).</summary>
    public void MarkRoots()
    {
        foreach (var v in EntryValues) Gc.Mark(v);
        foreach (var op in Ops)
            foreach (var v in op.Stack) Gc.Mark(v);
    }
}
