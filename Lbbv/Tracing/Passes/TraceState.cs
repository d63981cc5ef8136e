// What the passes know of the frames at one point of a trace: per frame (the trace's own and each
// inlined call's), the type and, when known, the constant value of every local and stack entry,
// and which local a stack entry copies. Op effects follow the opcode table and the recorded path;
// they only predict what the lowering's abstract frame will prove, so a wrong prediction costs a
// guard, never correctness (every speculation is still guarded where the lowering needs it).
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Tracing.Ir;
using Lbbv.Tracing.Recording;
using Lbbv.Types;

namespace Lbbv.Tracing.Passes;

/// <summary>What is known of one value: its type, its constant value, the local it copies.</summary>
internal readonly record struct Fact(AbstractType Type, Value? Constant = null, int Alias = -1)
{
    public static readonly Fact Unknown = new(AbstractType.Unknown);

    public static Fact Of(Value constant) =>
        new(TagMapping.FromTag((byte)constant.Tag, constant.IsObject ? (byte)constant.Kind : (byte)0), constant);

    public bool Proves(AbstractType type) => Type != AbstractType.Unknown && Type.IsSubtypeOf(type);
}

internal sealed class FrameFacts(int locals)
{
    public Fact[] Locals { get; } = Enumerable.Repeat(Fact.Unknown, locals).ToArray();
    public List<Fact> Stack { get; } = [];

    public FrameFacts Copy()
    {
        var copy = new FrameFacts(Locals.Length);
        Locals.CopyTo(copy.Locals, 0);
        copy.Stack.AddRange(Stack);
        return copy;
    }
}

internal sealed class TraceState
{
    private readonly List<FrameFacts> _frames = [];

    /// <summary>The state where a trace starts at <paramref name="offset"/> of <paramref name="root"/>:
    /// nothing known of its locals and of the stack entries already there.</summary>
    public TraceState(TraceCode root, int offset)
    {
        var frame = new FrameFacts(root.Code.SlotCount);
        for (int i = 0; i < root.Shape.DepthAt(offset); i++) frame.Stack.Add(Fact.Unknown);
        _frames.Add(frame);
    }

    private TraceState(List<FrameFacts> frames, List<TraceOp> calls, List<int[]> argumentLocals)
    {
        _frames = frames;
        _calls = calls;
        _argumentLocals = argumentLocals;
    }

    public FrameFacts Top => _frames[^1];
    public int Depth => _frames.Count - 1;

    public TraceState Copy() => new(_frames.Select(f => f.Copy()).ToList(), [.. _calls], [.. _argumentLocals]);

    /// <summary>Weakens this state (the root frame's) to what also holds in <paramref name="other"/>
    /// (the state at the same point reached another way); true when anything changed.</summary>
    public bool JoinWith(TraceState other)
    {
        var mine = _frames[0];
        var theirs = other._frames[0];
        bool changed = false;
        for (int i = 0; i < mine.Locals.Length; i++) changed |= Join(ref mine.Locals[i], theirs.Locals[i]);
        for (int i = 0; i < mine.Stack.Count && i < theirs.Stack.Count; i++)
        {
            var fact = mine.Stack[i];
            changed |= Join(ref fact, theirs.Stack[i]);
            mine.Stack[i] = fact;
        }
        return changed;
    }

    private static bool Join(ref Fact a, Fact b)
    {
        var joined = new Fact(a.Type.Join(b.Type),
            a.Constant is { } x && b.Constant is { } y && x.Tag == y.Tag && x.Payload == y.Payload ? x : null,
            a.Alias == b.Alias ? a.Alias : -1);
        if (joined == a) return false;
        a = joined;
        return true;
    }

    /// <summary>Forgets all but the types of the root frame's values: a peeled body is entered from
    /// bridges too, which check the types it assumes (and nothing else) before they jump there.</summary>
    public void KeepOnlyTypes()
    {
        var root = _frames[0];
        for (int i = 0; i < root.Locals.Length; i++) root.Locals[i] = new Fact(root.Locals[i].Type);
        for (int i = 0; i < root.Stack.Count; i++) root.Stack[i] = new Fact(root.Stack[i].Type);
    }

    /// <summary>The root frame's slot types (locals, then the stack), for the loop body's entry.</summary>
    public AbstractType[] RootTypes() =>
        [.. _frames[0].Locals.Select(f => f.Type), .. _frames[0].Stack.Select(f => f.Type)];

    /// <summary>The fact about a guard's subject (a stack entry or a local of the innermost frame).</summary>
    public Fact SubjectOf(TraceOp guard) =>
        guard.GuardLocal >= 0 ? Top.Locals[guard.GuardLocal]
        : guard.GuardEntry < Top.Stack.Count ? Top.Stack[guard.GuardEntry] : Fact.Unknown;

    /// <summary>A guard passed: its subject (and the local a stack entry copies) has its type.</summary>
    public void Prove(TraceOp guard)
    {
        var type = guard.GuardType;
        if (guard.GuardLocal >= 0)
        {
            Top.Locals[guard.GuardLocal] = Narrow(Top.Locals[guard.GuardLocal], type);
            return;
        }
        if (guard.GuardEntry >= Top.Stack.Count) return;
        var fact = Narrow(Top.Stack[guard.GuardEntry], type);
        Top.Stack[guard.GuardEntry] = fact;
        if (fact.Alias >= 0) Top.Locals[fact.Alias] = Narrow(Top.Locals[fact.Alias], type);
    }

    private static Fact Narrow(Fact fact, AbstractType type) =>
        fact.Type.TryMeet(type, out var meet) ? fact with { Type = meet } : fact with { Type = type };

    /// <summary>The effect of <paramref name="op"/> (a recorded op) on the frames.</summary>
    public void Apply(TraceOp op)
    {
        var frame = Top;
        var stack = frame.Stack;
        // A folded op pushes its constant in place of what it popped.
        if (op.FoldedConstant is { } folded)
        {
            Pop(OpTable.Of(op.Op).Pops.For(op.Arg));
            stack.Add(Fact.Of(folded));
            return;
        }
        switch (op.Op)
        {
            case Opcode.LoadFast:
                {
                    var local = frame.Locals[op.Arg];
                    // A LoadFast that got past its unbound check proved the local bound.
                    if (!local.Proves(AbstractType.Bound)) frame.Locals[op.Arg] = local = local with { Type = AbstractType.Bound };
                    stack.Add(local with { Alias = op.Arg });
                    return;
                }
            case Opcode.LoadConst:
                {
                    var c = op.Code.ConstantAt(op.Arg);
                    stack.Add(c.IsObject ? new Fact(TagMapping.FromTag((byte)c.Tag, (byte)c.Kind)) : Fact.Of(c));
                    return;
                }
            case Opcode.StoreFast:
                {
                    var value = stack[^1] with { Alias = -1 };
                    stack.RemoveAt(stack.Count - 1);
                    ForgetAliasesOf(op.Arg);
                    frame.Locals[op.Arg] = value;
                    return;
                }
            case Opcode.Copy:
                stack.Add(stack[^op.Arg]);
                return;
            case Opcode.Swap:
                (stack[^1], stack[^op.Arg]) = (stack[^op.Arg], stack[^1]);
                return;
            case Opcode.PopTop:
                Pop(1);
                return;
            case Opcode.BinaryOp:
                {
                    var result = Arithmetic(op.Arg, stack[^2], stack[^1]);
                    Pop(2);
                    stack.Add(result);
                    return;
                }
            case Opcode.UnaryNegative:
                {
                    var t = stack[^1].Type;
                    Pop(1);
                    stack.Add(new Fact(t is AbstractType.Int or AbstractType.Float ? t : AbstractType.Unknown));
                    return;
                }
            case Opcode.ForIter:
                {
                    bool exhausted = op.Successor == op.Arg && op.Arg != op.Offset + 1;
                    if (exhausted) { Pop(1); return; }
                    var it = op.Stack.Length > 0 ? op.Stack[^1] : default;
                    stack.Add(new Fact(it.IsObject && it.Kind == ObjectKind.RangeIterator ? AbstractType.Int : AbstractType.Unknown));
                    return;
                }
            case Opcode.JumpIfFalseOrPop or Opcode.JumpIfTrueOrPop:
                if (op.Successor != op.Arg) Pop(1);
                return;
            case Opcode.ReturnValue when Depth > 0:
                {
                    var result = stack[^1] with { Alias = -1 };
                    var callee = Top;
                    _frames.RemoveAt(_frames.Count - 1);
                    var caller = Top;
                    var call = CallerOp;
                    Pop(CallOperands(call!));
                    caller.Stack.Add(result);
                    _calls.RemoveAt(_calls.Count - 1);
                    GiveBackArgumentTypes(callee, caller, op.Code.Code);
                    return;
                }
        }
        if (op.Call == CallKind.Inlined)
        {
            int operands = CallOperands(op);
            int nargs = op.Op == Opcode.Call ? op.Arg : op.Arg + 1;
            _argumentLocals.Add([.. stack.Skip(stack.Count - nargs).Select(f => f.Alias)]);
            var arguments = stack.Skip(stack.Count - nargs).Select(f => f with { Alias = -1 }).ToArray();
            var callable = op.Stack[^operands];
            var calleeCode = Functions.Data(callable).Code;
            var callee = new FrameFacts(calleeCode.SlotCount);
            for (int i = 0; i < callee.Locals.Length; i++) callee.Locals[i] = new Fact(AbstractType.Empty);
            arguments.CopyTo(callee.Locals, 0);
            _frames.Add(callee);
            _calls.Add(op);
            return;
        }
        var spec = OpTable.Of(op.Op);
        bool jumped = spec.Has(OpTraits.Jump) && op.Successor == op.Arg && op.Arg != op.Offset + 1;
        int pops = spec.Pops.For(op.Arg);
        int pushes = (jumped && spec.PushesIfJumps is { } taken ? taken : spec.Pushes).For(op.Arg);
        // Entries rewritten in place keep nothing; a result of a known kind keeps that.
        Pop(Math.Min(pops, stack.Count));
        for (int i = 0; i < pushes; i++)
            stack.Add(new Fact(i == pushes - 1 ? OpResults.TypeOf(spec.Result) : AbstractType.Unknown));
        if (spec.Local == LocalAccess.Write || spec.Local == LocalAccess.Delete)
        {
            ForgetAliasesOf(op.Arg);
            frame.Locals[op.Arg] = Fact.Unknown;
        }
        if (!Pure(op)) ForgetLocalsCellsMayChange(frame);
    }

    private List<TraceOp> _calls = [];
    // For each inlined call under way, the caller's local each argument copies (-1: none).
    private List<int[]> _argumentLocals = [];

    /// <summary>At an inlined callee's return (as CallOps.GenInlinedReturn gives them back): what its
    /// code proved of an argument it never rebinds holds for the caller's local that argument copied.</summary>
    private void GiveBackArgumentTypes(FrameFacts callee, FrameFacts caller, CodeRuntime calleeCode)
    {
        var locals = _argumentLocals[^1];
        _argumentLocals.RemoveAt(_argumentLocals.Count - 1);
        for (int i = 0; i < locals.Length; i++)
        {
            int local = locals[i];
            var proved = callee.Locals[i].Type;
            if (local < 0 || proved == AbstractType.Unknown || Rebinds(calleeCode, i)) continue;
            var known = caller.Locals[local];
            if (known.Type == AbstractType.Unknown || proved.IsSubtypeOf(known.Type))
                caller.Locals[local] = known with { Type = proved };
        }
    }

    private static bool Rebinds(CodeRuntime code, int local)
    {
        foreach (int instr in code.Code.Code)
            if (OpcodeInfo.OpOf(instr) is Opcode.StoreFast or Opcode.DeleteFast && OpcodeInfo.ArgOf(instr) == local)
                return true;
        return false;
    }
    private TraceOp? CallerOp => _calls.Count > 0 ? _calls[^1] : null;

    public static int CallOperands(TraceOp call) => call.Op == Opcode.Call ? call.Arg + 1 : call.Arg + 2;

    private void Pop(int n)
    {
        n = Math.Min(n, Top.Stack.Count);
        Top.Stack.RemoveRange(Top.Stack.Count - n, n);
    }

    private void ForgetAliasesOf(int local)
    {
        var stack = Top.Stack;
        for (int i = 0; i < stack.Count; i++)
            if (stack[i].Alias == local) stack[i] = stack[i] with { Alias = -1 };
    }

    /// <summary>Ops that run no Python code and touch no local: they keep what is known of locals.</summary>
    private static bool Pure(TraceOp op) => op.Call == CallKind.None;

    /// <summary>Code run by a call may rebind the frame's cells (a nested function's nonlocal), never
    /// its fast locals: nothing to forget for those.</summary>
    private static void ForgetLocalsCellsMayChange(FrameFacts frame)
    {
    }

    /// <summary>int op int is an int (an overflow leaves the trace), a float with a float or an int is
    /// a float (true division too); constants fold when both sides are known.</summary>
    private static Fact Arithmetic(int arg, Fact a, Fact b)
    {
        int kind = arg & 15;
        bool ints = a.Type == AbstractType.Int && b.Type == AbstractType.Int;
        bool numbers = a.Type is AbstractType.Int or AbstractType.Float && b.Type is AbstractType.Int or AbstractType.Float;
        if (ints && kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.FloorDiv or Arith.Mod
                or Arith.BitAnd or Arith.BitOr or Arith.BitXor or Arith.LShift or Arith.RShift)
            return new Fact(AbstractType.Int);
        if (numbers && !ints && kind is Arith.Add or Arith.Sub or Arith.Mult or Arith.Div)
            return new Fact(AbstractType.Float);
        return Fact.Unknown;
    }
}
