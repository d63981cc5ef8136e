using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Tracing.Recording;
using Lbbv.Types;

namespace Lbbv.Tracing.Ir;

/// <summary>What a trace op is.</summary>
public enum TraceOpKind : byte
{
    /// <summary>A recorded bytecode op, lowered by the shared lowering.</summary>
    Op,
    /// <summary>A type guard on a stack entry or a local, from what the recording observed; it
    /// leaves through a side exit before the op that follows it.</summary>
    Guard,
    /// <summary>Loop peeling: the loop body starts here (the ops before are the preamble).</summary>
    LoopStart,
}

/// <summary>One op of a trace: a recorded bytecode op (in the frame of its inline depth) with what
/// the recording observed, or a guard the trace builder derived from those observations.</summary>
public sealed class TraceOp
{
    public required TraceOpKind Kind { get; init; }
    public required TraceCode Code { get; init; }
    public required int Offset { get; init; }
    public Opcode Op { get; init; }
    public int Arg { get; init; }
    /// <summary>0 in the trace's own frame; n in the n-th inlined call.</summary>
    public int Depth { get; init; }
    /// <summary>The operand stack (bottom first) the recording saw before the op.</summary>
    public Value[] Stack { get; set; } = [];
    /// <summary>The types the recording observed on the stack (kept for --dump-traces once the
    /// values themselves are dropped).</summary>
    public string Observed { get; set; } = "";
    public CallKind Call { get; init; }
    /// <summary>Where this op's frame went next in the recording (the offset of its next op in the
    /// same frame): the recorded direction of a branch.</summary>
    public int Successor { get; set; } = -1;

    /// <summary>A guard's subject: a stack entry (from the bottom) when <see cref="GuardLocal"/> is -1.</summary>
    public int GuardEntry { get; init; } = -1;
    public int GuardLocal { get; init; } = -1;
    public AbstractType GuardType { get; init; }

    /// <summary>Set by constant folding: the op pushes this constant (its inputs were folded away).</summary>
    public Value? FoldedConstant { get; set; }
    /// <summary>Set by redundant load elimination: the op pushes a copy of this local instead.</summary>
    public int ReuseLocal { get; set; } = -1;
    /// <summary>Removed by a pass (kept in the list for the dump).</summary>
    public string? RemovedBy { get; set; }

    /// <summary>At a LoopStart: the types of the trace's frame slots (locals, then the stack) that
    /// type propagation predicts hold whenever the body starts (after the preamble and after every
    /// iteration of the body).</summary>
    public Types.AbstractType[]? LoopEntryTypes { get; set; }

    /// <summary>The side exits the lowering emitted for this op (with their snapshots).</summary>
    public List<SideExit> Exits { get; } = [];

    public bool IsRemoved => RemovedBy != null;

    public TraceOp Clone() => new()
    {
        Kind = Kind, Code = Code, Offset = Offset, Op = Op, Arg = Arg, Depth = Depth, Stack = Stack, Call = Call,
        Observed = Observed, Successor = Successor, GuardEntry = GuardEntry, GuardLocal = GuardLocal, GuardType = GuardType,
    };

    public override string ToString() => Kind switch
    {
        TraceOpKind.Guard => $"guard {(GuardLocal >= 0 ? Code.Code.Code.VarNames.ElementAtOrDefault(GuardLocal) ?? $"local{GuardLocal}" : $"s{GuardEntry}")} is {GuardType}",
        TraceOpKind.LoopStart => "loop:",
        _ => FoldedConstant is { } c ? $"{Op} {Arg} -> const {c}" : ReuseLocal >= 0 ? $"{Op} {Arg} -> LoadFast {ReuseLocal}" : $"{Op} {Arg}",
    };
}
