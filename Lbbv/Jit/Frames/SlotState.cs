using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Frames;

/// <summary>What the compiler knows of one frame slot (a local, or an operand-stack entry) at a
/// point of the code it is lowering. <see cref="AbstractFrame"/> holds one per slot and is the only
/// one to change them.</summary>
public readonly record struct SlotState
{
    /// <summary>A slot nothing is known of (the state of a slot above the stack).</summary>
    public static readonly SlotState Unknown = new() { Alias = -1 };

    /// <summary>The lattice type every value the slot may hold here has.</summary>
    public AbstractType Type { get; init; }

    /// <summary>For a stack entry, the local it is a copy of (LoadFast), or -1: a guard on the
    /// copy also types the local, and what is known of the local's object is known of the copy's.</summary>
    public int Alias { get; init; }

    /// <summary>A stack entry that is a copy of <see cref="Alias"/> not written to its slot yet (a
    /// lazy LoadFast): readers take the local.</summary>
    public bool PendingCopy { get; init; }

    /// <summary>A constant the stack entry holds that is not written to its slot yet (LoadConst of an
    /// int, float, bool or None, or a global read as a constant): ops with an immediate form use it.</summary>
    public Value? PendingConstant { get; init; }

    /// <summary>The heap object the stack entry is known to hold exactly (a builtin or a watched
    /// global read at compile time), or 0: a call of it needs no identity check.</summary>
    public nint ExactObject { get; init; }

    /// <summary>For a local, what earlier code proved about its object (class, slot count).</summary>
    public KnownObject Known { get; init; }

    /// <summary>A float stack entry that lives only in its cache register (xmm8 + slot % 4, see
    /// XmmStencils): its frame slot is stale until <see cref="AbstractFrame.Spill"/> writes it.</summary>
    public bool InRegister { get; init; }

    /// <summary>With <see cref="InRegister"/>: an int stack entry cached in its int register
    /// (rbx, r14 or r15 by slot % 3, see GprStencils), not a float in an XMM register.</summary>
    public bool IntRegister { get; init; }

    /// <summary>For a cached local (<see cref="InRegister"/>), whether its stale frame slot already holds the
    /// int tag (it held an int before it was cached): its write-back stores the payload only.</summary>
    public bool FrameTagInt { get; init; }

    /// <summary>For a float local cached in its XMM register, whether its stale frame slot already holds
    /// the float tag: its write-back stores the payload only.</summary>
    public bool FrameTagFloat { get; init; }

    /// <summary>For a local holding a list, the element kind a guard proved the list claims
    /// (<c>Lists.KindOf</c>; 0: nothing known). A list's claim can change with any store into it,
    /// so this lasts only until a call, a helper or an item store of another kind.</summary>
    public byte ElementKind { get; init; }

    /// <summary>For a stack entry, the native iterator kind a ForIter's kind test proved it holds on
    /// every path here (<see cref="Lowering.ProvenIterators"/>; 0: nothing proven). The entry keeps its
    /// value until popped, so this lasts as long as the entry.</summary>
    public byte IteratorKind { get; init; }

    /// <summary>For a stack entry, 1 + the local whose list it is an item of (read from it while no
    /// call or helper ran since <see cref="ItemEpoch"/>; 0: none): stored back into that list, it
    /// keeps the list's element kind (<see cref="AbstractFrame.IsItemOf"/>).</summary>
    public int ItemOf { get; init; }

    /// <summary>With <see cref="ItemOf"/>: the frame's list epoch when the item was read.</summary>
    public int ItemEpoch { get; init; }

    /// <summary>The value the slot will hold when this code first runs, when the compiler can tell
    /// (a frame stopped at the code's entry, followed through moves): what speculation peeks at.
    /// It may be Empty (a local known to be unbound).</summary>
    public Value? Live { get; init; }

    /// <summary>For a stack entry, the attribute of a local's object it was loaded from and still
    /// equals (<see cref="AttributeSource"/>; 0: none): a guard on the entry also types that
    /// attribute (<see cref="KnownObject.AttributeTypes"/>).</summary>
    public int LoadedFrom { get; init; }

    /// <summary>For a stack entry, the cell of the module global it was loaded from and still equals (0:
    /// none): a guard on the entry also types that global for the rest of the stretch of code
    /// (<see cref="AbstractFrame.GlobalTypeOf"/>).</summary>
    public nint GlobalAlias { get; init; }
}

/// <summary>Packs (local, attribute slot) into <see cref="SlotState.LoadedFrom"/> (0: none).</summary>
public static class AttributeSource
{
    /// <summary>Attribute slots whose types a local's <see cref="KnownObject"/> can hold (4 bits each).</summary>
    public const int TypedAttributes = 16;

    public static int Of(int local, int attribute) => (local + 1) << 8 | attribute;

    public static int LocalOf(int source) => (source >> 8) - 1;

    public static int AttributeOf(int source) => source & 0xFF;
}

/// <summary>What is known of a local's object (or of a stack entry that copies no local: an attribute
/// loaded typed by its slot's class): the class it was checked to have (0: none) and
/// how many attribute slots it has at least (an access to slot s got past the count check: s + 1).
/// An object's class never changes and its slot array only grows, so the knowledge lasts until
/// the local is stored to (or a helper may have rewritten it). <paramref name="AttributeTypes"/>:
/// the types the values of its first 16 attribute slots were proved to have (4 bits per slot,
/// Unknown = nothing known), which last only until an attribute store, a call or a helper.
/// <paramref name="StoredAttributes"/>: the attribute slots (one bit each, the first 64) this code
/// stored into, whose value when the code was compiled is no hint of what a later load finds.</summary>
public readonly record struct KnownObject(nint Class, int Slots, ulong AttributeTypes = 0, ulong StoredAttributes = 0,
    bool ClassFromRecord = false, bool ClassFromContext = false)
{
    /// <summary>What stays true of the object wherever it is moved (another local, a duplicate): its
    /// class and slot count; attribute facts are keyed by the local they were proved through.
    /// <paramref name="ClassFromRecord"/>: the class came from the record of the attribute slot the
    /// object was loaded from (attribute slots typed by one class), not from a class check.
    /// <paramref name="ClassFromContext"/>: the class came from the version's type context (class
    /// knowledge carried across a block edge, a call's entry), not from a check in this version.</summary>
    public KnownObject Portable =>
        new(Class, Slots, ClassFromRecord: ClassFromRecord, ClassFromContext: ClassFromContext);

    /// <summary>The type attribute slot <paramref name="attribute"/>'s value was proved to have (Unknown: none).</summary>
    public AbstractType AttributeType(int attribute) => attribute < AttributeSource.TypedAttributes
        ? (AbstractType)((AttributeTypes >> (attribute * 4)) & 0xF) : AbstractType.Unknown;

    public KnownObject WithAttributeType(int attribute, AbstractType type)
    {
        if (attribute >= AttributeSource.TypedAttributes) return this;
        int shift = attribute * 4;
        return this with { AttributeTypes = AttributeTypes & ~(0xFUL << shift) | (ulong)type << shift };
    }
}

/// <summary>A write that materializes a pending stack entry: a copy of local <see cref="From"/>,
/// or <see cref="Constant"/> (From -1), into slot <see cref="To"/>; or, when
/// <see cref="FromRegister"/>, a spill of the float (the int, when <see cref="IntRegister"/>) cached in
/// <see cref="To"/>'s cache register (<see cref="LocalXmm"/>: of a float local, cached in its own XMM
/// register, XmmStencils.LocalRegisterOf).</summary>
public readonly record struct PendingWrite(
    int From, int To, Value Constant, bool FromRegister = false, bool IntRegister = false, bool PayloadOnly = false,
    bool LocalXmm = false)
{
    /// <summary>The spill of the value that slot <paramref name="slot"/> caches in its register.</summary>
    public static PendingWrite Spill(int slot, bool intRegister = false) =>
        new(-1, slot, default, FromRegister: true, IntRegister: intRegister);
}

/// <summary>Why the register cache was written to the frame (counted per reason, --stats).</summary>
public enum SpillReason
{
    Op,        // an op that reads the frame generically (not one of the register-aware ops)
    Operand,   // an operand read from its slot (In), or a guard on it
    Exit,      // an out-of-line path (guard failure, side exit, stub) writes it before it leaves
    Frame,     // the whole frame made exact: block end, helper call, exit, call (MaterializeAll)
    Conflict,  // another entry needs the same cache register
    Save,      // the frame was saved to resume from later (inlining, a trace's continuation)
}

/// <summary>Emits the writes that materialize pending stack entries (implemented by the lowering).</summary>
public interface IPendingWriter
{
    void Write(PendingWrite write);
}
