// The shape of one row of the opcode table (OpTable.cs): what the compiler, the disassembler and the
// JITs need to know about an op without running it.
namespace Lbbv.Bytecode;

/// <summary>Facts about one op. Stack counts are of entries taken from the top of the operand
/// stack (<see cref="Pops"/>: consumed, or rewritten in place) and left there in their place
/// (<see cref="Pushes"/>), so the net effect is their difference.</summary>
public sealed record OpSpec(Opcode Op, StackCount Pops, StackCount Pushes)
{
    /// <summary>Entries left when a jump op takes its jump (its <see cref="Pushes"/> otherwise);
    /// null for an op whose two edges leave the same.</summary>
    public StackCount? PushesIfJumps { get; init; }

    /// <summary>The type of the entry an op leaves on top, whatever its operands are (Unknown when
    /// it depends on them).</summary>
    public OpResult Result { get; init; }

    public OpTraits Traits { get; init; }

    /// <summary>How the op uses the frame slot (a fast local, or a cell for MakeCell) its argument names.</summary>
    public LocalAccess Local { get; init; }

    public bool Has(OpTraits trait) => (Traits & trait) == trait;

    /// <summary>Net change of the stack depth for `op arg` (on its jump edge when <paramref name="jump"/>).</summary>
    public int NetEffect(int arg, bool jump) =>
        (jump && PushesIfJumps is { } taken ? taken : Pushes).For(arg) - Pops.For(arg);
}

/// <summary>A count of stack entries: fixed, or a function of the op's argument.</summary>
public readonly record struct StackCount
{
    private readonly int _fixed;
    private readonly int _perArg;
    private readonly Func<int, int>? _custom;

    private StackCount(int fixedPart, int perArg, Func<int, int>? custom)
    {
        _fixed = fixedPart;
        _perArg = perArg;
        _custom = custom;
    }

    public static implicit operator StackCount(int count) => new(count, 0, null);

    /// <summary>The argument plus <paramref name="extra"/> (BuildTuple n: n; Call n: n + 1).</summary>
    public static StackCount Arg(int extra = 0) => new(extra, 1, null);

    /// <summary>Twice the argument (BuildMap n: n key/value pairs).</summary>
    public static StackCount TwiceArg => new(0, 2, null);

    /// <summary>Any other function of the argument (flag bits: MakeFunction, CallEx, ...).</summary>
    public static StackCount Of(Func<int, int> count) => new(0, 0, count);

    public int For(int arg) => _custom?.Invoke(arg) ?? _fixed + _perArg * arg;
}

[Flags]
public enum OpTraits
{
    None = 0,
    /// <summary>The argument is unused (the disassembler prints none).</summary>
    NoArg = 1,
    /// <summary>The argument is an absolute jump target.</summary>
    Jump = 2,
    /// <summary>Control never falls through to the next instruction.</summary>
    Terminator = 4,
    /// <summary>The JITs' generic fallback can run it: one step of the interpreter, after which the
    /// frame continues at the next instruction (or the op raised). Not control flow (the JITs
    /// compile it themselves or exit), raises (they never continue), generator ops (generators stay
    /// in the interpreter), nor DeleteFast (the JIT would have to forget what it knows through the
    /// local's copies).</summary>
    Steppable = 8,
    /// <summary>The JITs' lowering of this op reads its operands where they are (a local that a
    /// stack entry is a pending copy of, a pending constant) and writes to the frame only what it
    /// needs there. Before any other op the lowering writes the whole operand stack.</summary>
    LazyOperands = 16,
}

/// <summary>What an op leaves on top regardless of its operands (the JITs map it to their types).</summary>
public enum OpResult : byte
{
    Unknown,
    Bool,
    Str,
    List,
    Tuple,
    Dict,
    Function,
    /// <summary>A heap object of some other kind (an iterator or generator, never an unboxed value).</summary>
    Object,
}

/// <summary>How an op uses the frame slot its argument names (for liveness and the JITs' frame).</summary>
public enum LocalAccess : byte
{
    None,
    Read,
    Write,
    /// <summary>Reads it (an unbound local raises) and unbinds it.</summary>
    Delete,
    /// <summary>Replaces the slot's value by a new cell holding it.</summary>
    MakeCell,
}
