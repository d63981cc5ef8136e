// What the compiler knows of a frame while it lowers a stretch of code: one SlotState per local and
// operand-stack entry, and the stack depth. The methods below are the only way to change it.
using Lbbv.Backend.Stencils.Families;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Frames;

/// <summary>
/// The abstract frame (YJIT's <c>Context</c> with its temp mapping, plus the lazy operand stack):
/// slots are numbered as the frame lays them out (<see cref="SlotLayout"/>: locals, then the
/// operand stack, then one spare slot). Every slot keeps its type; <see cref="Context"/> names the
/// first <see cref="TypedSlots"/> (as many as a <see cref="TypeContext"/> holds), so what crosses to
/// another version past them is dropped (which only loses precision).
/// </summary>
public sealed partial class AbstractFrame
{
    private readonly IPendingWriter _writer;
    private SlotState[] _slots = new SlotState[64];
    private int _capacity;

    public AbstractFrame(IPendingWriter writer, RegisterCacheCounts? counts = null)
    {
        _writer = writer;
        Counts = counts ?? new RegisterCacheCounts();
    }

    /// <summary>What the register cache did (spills by reason, register inputs).</summary>
    public RegisterCacheCounts Counts { get; }

    /// <summary>The cache register of <paramref name="slot"/> (xmm8 + slot % 4).</summary>
    public static int RegisterOf(int slot) => XmmStencils.RegisterOf(slot);

    /// <summary>The int cache register of <paramref name="slot"/> (rbx, r14, r15 by slot % 3).</summary>
    public static int IntRegisterOf(int slot) => GprStencils.RegisterOf(slot);

    /// <summary>Whether <paramref name="slot"/> is a float cached in its XMM register.</summary>
    public bool InXmm(int slot) => _slots[slot].InRegister && !_slots[slot].IntRegister;

    /// <summary>Whether <paramref name="slot"/> is an int cached in its general-purpose register.</summary>
    public bool InGpr(int slot) => _slots[slot].InRegister && _slots[slot].IntRegister;

    /// <summary>Slots that carry a type.</summary>
    public const int TypedSlots = TypeContext.Capacity;

    /// <summary>Slots before the operand stack (fast locals, cells, free variables).</summary>
    public int LocalCount { get; private set; }

    /// <summary>The operand-stack depth.</summary>
    public int Depth { get; private set; }

    /// <summary>Whether the class version was checked since the last call or helper (either could
    /// change a class): a later class-version check in the same stretch of code is redundant.</summary>
    public bool ClassVersionChecked { get; private set; }

    /// <summary>The frame's depth was found under the recursion limit since the frame was entered (an
    /// inlined leaf call's check): it stays so while the frame runs, since sys.setrecursionlimit
    /// never sets a limit at or under the depth of a live frame (branch `spectral`).</summary>
    public bool LeafDepthChecked { get; private set; }

    /// <summary>Notes <see cref="LeafDepthChecked"/>.</summary>
    public void NoteLeafDepthChecked() => LeafDepthChecked = true;

    // ---- reading

    public ref readonly SlotState this[int slot] => ref _slots[slot];

    public AbstractType TypeOf(int slot) => slot < _capacity ? _slots[slot].Type : AbstractType.Unknown;

    /// <summary>The types of every slot as a compact context (what versions are keyed by), with the
    /// classes known of slots' objects while <see cref="ClassFactsHold"/> (<see cref="WithKnownClasses"/>).</summary>
    public TypeContext Context
    {
        get
        {
            var context = TypeContext.Generic;
            for (int s = 0; s < Math.Min(_capacity, TypedSlots); s++) context = context.With(s, _slots[s].Type);
            return WithKnownClasses(context);
        }
    }

    /// <summary>The slot of stack entry <paramref name="entry"/> (0 = bottom).</summary>
    public int StackSlot(int entry) => LocalCount + entry;

    /// <summary>The slot of the entry <paramref name="fromTop"/> below the top of the stack.</summary>
    public int Top(int fromTop = 0) => LocalCount + Depth - 1 - fromTop;

    public bool TryLive(int slot, out Value value)
    {
        value = _slots[slot].Live ?? default;
        return _slots[slot].Live.HasValue;
    }

    /// <summary>The local whose value <paramref name="slot"/> holds: itself, or the local a stack
    /// entry is a copy of (-1: none).</summary>
    public int LocalOf(int slot) => slot < LocalCount ? slot : _slots[slot].Alias;

    /// <summary>Whether <paramref name="slot"/> is known to hold exactly the object <paramref name="value"/>.</summary>
    public bool HoldsExactly(int slot, Value value) => value.IsObject && _slots[slot].ExactObject == (nint)value.Payload;

    /// <summary>The class of the object in <paramref name="slot"/> when checked earlier (0: not known).</summary>
    public nint KnownClass(int slot) => KnownOwner(slot) is >= 0 and var owner ? _slots[owner].Known.Class : 0;

    /// <summary>Whether the class <see cref="KnownClass"/> gives came from an attribute slot's class
    /// record rather than from a class check (the check it saves is counted).</summary>
    public bool ClassFromRecord(int slot) =>
        KnownOwner(slot) is >= 0 and var owner && _slots[owner].Known.ClassFromRecord;

    /// <summary>Where what is known of <paramref name="slot"/>'s object is kept: the local it is or
    /// copies, else a stack entry's own state (-1: a slot past the frame).</summary>
    private int KnownOwner(int slot) => LocalOf(slot) is >= 0 and var local ? local : slot < _capacity ? slot : -1;

    /// <summary>What stays known of <paramref name="slot"/>'s object when it is stored elsewhere
    /// (StoreFast: <see cref="KnowObject"/>).</summary>
    public KnownObject PortableKnowledge(int slot) =>
        KnownOwner(slot) is >= 0 and var owner ? _slots[owner].Known.Portable : default;

    /// <summary>Local <paramref name="local"/> just received the object <paramref name="known"/> is
    /// known of.</summary>
    public void KnowObject(int local, KnownObject known)
    {
        if (local < LocalCount && known.Class != 0) _slots[local] = _slots[local] with { Known = known };
    }

    /// <summary>Stack entry <paramref name="slot"/> was loaded from an attribute slot whose record says
    /// every value stored there was an instance of exactly <paramref name="cls"/> (behind the
    /// class-version check: a widening bumps the version).</summary>
    public void NoteRecordClass(int slot, nint cls)
    {
        if (slot >= LocalCount && LocalOf(slot) < 0)
            _slots[slot] = _slots[slot] with { Known = new KnownObject(cls, 0, ClassFromRecord: true) };
    }

    /// <summary>The element kind the list in <paramref name="slot"/> was proved to claim (0: not known).</summary>
    public byte ElementKindOf(int slot) => LocalOf(slot) is >= 0 and var local ? _slots[local].ElementKind : (byte)0;

    /// <summary>Whether the object in <paramref name="slot"/> is known to have attribute slot
    /// <paramref name="attribute"/> (its count check can be left out).</summary>
    public bool HasAttributeSlot(int slot, int attribute) =>
        KnownOwner(slot) is >= 0 and var owner && attribute < _slots[owner].Known.Slots;

    /// <summary>Where an op reads the value of <paramref name="slot"/>: the local it is a pending copy
    /// of, or the slot itself (a pending constant is written there first).</summary>
    public int SourceOf(int slot)
    {
        if (_slots[slot].InRegister) Spill(slot, SpillReason.Operand);
        WriteBackAliasedLocal(slot, SpillReason.Operand);
        if (_slots[slot].PendingConstant.HasValue) Materialize(slot);
        return slot >= LocalCount && _slots[slot].PendingCopy ? _slots[slot].Alias : slot;
    }

    // ---- entering code

    /// <summary>Starts a stretch of code with <paramref name="depth"/> stack entries, the types of
    /// <paramref name="context"/> and, for the first <paramref name="live"/>.Length slots, the
    /// values a frame stopped there holds. <paramref name="slots"/> counts locals, the deepest stack
    /// and the spare slot.</summary>
    public void Enter(int localCount, int slots, int depth, TypeContext context, ReadOnlySpan<Value> live)
    {
        if (_slots.Length < slots) _slots = new SlotState[slots * 2];
        LocalCount = localCount;
        Depth = depth;
        _capacity = slots;
        for (int s = 0; s < slots; s++)
            _slots[s] = SlotState.Unknown with { Type = context.Get(s), Live = s < live.Length ? live[s] : null };
        ClassVersionChecked = false;
        ClassFactsHold = true;
        EnterKnownClasses(context);
        LeafDepthChecked = false;
        CacheableLocals = 0; // until the frontend allows some (AllowCachedLocals)
        CacheableFloatLocals = 0;
        ForgetGlobals();
    }

    /// <summary>Stack entry <paramref name="slot"/>, already in its slot, is a copy of <paramref name="local"/>
    /// (only the code before a mid-block entry could have pushed it); both have <paramref name="type"/>.</summary>
    public void MarkCopy(int slot, int local, AbstractType type)
    {
        _slots[slot] = _slots[slot] with { Type = Typed(slot, type), Alias = local };
        _slots[local] = _slots[local] with { Type = Typed(local, type) };
    }

    // ---- push and pop

    /// <summary>Pushes an entry written to its slot (or about to be) of <paramref name="type"/>,
    /// holding <paramref name="live"/> when the compiler computed it (an attribute or item it read).</summary>
    public void Push(AbstractType type, Value? live = null)
    {
        int slot = StackSlot(Depth++);
        _slots[slot] = SlotState.Unknown with { Type = Typed(slot, type), Live = live is { IsEmpty: false } ? live : null };
    }

    /// <summary>LoadFast: pushes a pending copy of <paramref name="local"/>, not written to the stack.</summary>
    public void PushCopyOf(int local, AbstractType type)
    {
        int slot = StackSlot(Depth++);
        _slots[slot] = SlotState.Unknown with
        {
            Type = Typed(slot, type), Alias = local, PendingCopy = true, Live = _slots[local].Live,
        };
    }

    /// <summary>Pushes a pending constant, not written to the stack; <paramref name="exact"/> when the
    /// entry stands for that very object (a global read as a constant).</summary>
    public void PushConstant(Value value, AbstractType type, bool exact)
    {
        int slot = StackSlot(Depth++);
        _slots[slot] = SlotState.Unknown with
        {
            Type = Typed(slot, type), PendingConstant = value, ExactObject = exact ? (nint)value.Payload : 0,
            Live = value.IsEmpty ? null : value,
        };
    }

    /// <summary>Copy: pushes a duplicate of <paramref name="source"/> (of a pending entry, another
    /// pending entry of the same local or constant; else written by the caller).</summary>
    public void PushDuplicate(int source)
    {
        if (_slots[source].InRegister) Spill(source, SpillReason.Op); // one register holds one entry
        int slot = StackSlot(Depth++);
        _slots[slot] = _slots[source] with
        {
            Type = Typed(slot, _slots[source].Type), Known = _slots[source].Known.Portable, ElementKind = 0,
        };
    }

    public void Pop(int count = 1)
    {
        for (int i = 0; i < count; i++) _slots[StackSlot(--Depth)] = SlotState.Unknown;
    }

    // ---- what code proves or changes

    /// <summary>A guard proved <paramref name="slot"/> holds a <paramref name="type"/>; for a copy of a
    /// local, so does the local.</summary>
    public void SetType(int slot, AbstractType type)
    {
        _slots[slot] = _slots[slot] with { Type = Typed(slot, type) };
        if (slot >= LocalCount && _slots[slot].Alias is >= 0 and var local)
            _slots[local] = _slots[local] with { Type = Typed(local, type) };
        if (slot >= LocalCount && _slots[slot].LoadedFrom is not 0 and var source)
            NoteAttributeType(AttributeSource.LocalOf(source), AttributeSource.AttributeOf(source), type);
    }

    /// <summary>Code wrote a new value of <paramref name="type"/> into <paramref name="local"/>
    /// (copies of its old value were materialized first: <see cref="ForgetLocal"/>).</summary>
    public void SetLocal(int local, AbstractType type, Value? live)
    {
        ForgetItemsOf(local);
        _slots[local] = _slots[local] with { Type = Typed(local, type), Live = live, InRegister = false, IntRegister = false };
    }

    /// <summary>Code rewrote stack entry <paramref name="slot"/> in its own slot with a value of
    /// <paramref name="type"/>: it copies no local and its live value is unknown.</summary>
    public void Overwrite(int slot, AbstractType type)
    {
        _slots[slot] = _slots[slot] with
        {
            PendingCopy = false, Alias = -1, Live = null, InRegister = false, IntRegister = false,
            IteratorKind = 0, LoadedFrom = 0, ItemOf = 0, GlobalAlias = 0, Known = default,
        };
        SetType(slot, type);
    }

    /// <summary>Exchanges what is known of two written stack entries (their values were swapped), or
    /// of two pending ones (nothing of either is in the frame: no code needed).</summary>
    public void Swap(int a, int b)
    {
        var (sa, sb) = (_slots[a], _slots[b]);
        // A cached entry's register is its slot's: the swapped entries must be in the frame.
        if (sa.InRegister || sb.InRegister) throw new InvalidOperationException("swap of a register-cached entry");
        _slots[a] = sb with { Type = Typed(a, sb.Type) };
        _slots[b] = sa with { Type = Typed(b, sa.Type) };
    }

    /// <summary>An access to attribute slot <paramref name="attribute"/> of the object in
    /// <paramref name="slot"/>, of class <paramref name="cls"/> when not 0, got past its checks.</summary>
    public void NoteObject(int slot, nint cls, int attribute = -1)
    {
        if (KnownOwner(slot) is not (>= 0 and var local)) return;
        var known = _slots[local].Known;
        if (cls != 0) known = known with { Class = cls, ClassFromRecord = false, ClassFromContext = false };
        if (attribute >= known.Slots) known = known with { Slots = attribute + 1 };
        _slots[local] = _slots[local] with { Known = known };
    }

    /// <summary>What is known of the class version (checked, class facts hold), to put back with
    /// <see cref="RestoreClassVersion"/> around code that only out-of-line paths run.</summary>
    public (bool Checked, bool FactsHold) ClassVersionState => (ClassVersionChecked, ClassFactsHold);

    /// <summary>Puts back a <see cref="ClassVersionState"/> (only what a path that ran no helper still
    /// knows).</summary>
    public void RestoreClassVersion((bool Checked, bool FactsHold) state) =>
        (ClassVersionChecked, ClassFactsHold) = state;

    public void NoteClassVersionChecked()
    {
        ClassVersionChecked = true;
        ClassFactsHold = true; // the version is the one compiled against: no class changed since entry
    }

    /// <summary>The type the value of attribute slot <paramref name="attribute"/> of the object in
    /// <paramref name="slot"/> was proved to have since the last attribute store, call or helper
    /// (Unknown: nothing proved).</summary>
    public AbstractType AttributeTypeOf(int slot, int attribute) =>
        LocalOf(slot) is >= 0 and var local ? _slots[local].Known.AttributeType(attribute) : AbstractType.Unknown;

    /// <summary>Attribute slot <paramref name="attribute"/> of the object in local <paramref name="local"/>
    /// holds a value of <paramref name="type"/> (a load or store of it, or a guard on a loaded copy).</summary>
    public void NoteAttributeType(int local, int attribute, AbstractType type)
    {
        if (local < 0 || local >= LocalCount) return;
        var known = _slots[local].Known;
        var before = known.AttributeType(attribute);
        if (before != AbstractType.Unknown && !type.IsSubtypeOf(before)) return; // keep the more precise fact
        _slots[local] = _slots[local] with { Known = known.WithAttributeType(attribute, type) };
    }

    /// <summary>The top stack entry was just loaded from attribute slot <paramref name="attribute"/> of
    /// local <paramref name="local"/>'s object: a guard on it types that attribute too.</summary>
    public void MarkLoadedFrom(int slot, int local, int attribute)
    {
        if (local < 0 || attribute >= AttributeSource.TypedAttributes) return;
        _slots[slot] = _slots[slot] with { LoadedFrom = AttributeSource.Of(local, attribute) };
        NoteAttributeType(local, attribute, _slots[slot].Type);
    }

    /// <summary>Code stored into attribute slot <paramref name="attribute"/> of the object in
    /// <paramref name="slot"/>: the value it held when compiling began is stale.</summary>
    public void NoteAttributeStored(int slot, int attribute)
    {
        if (LocalOf(slot) is not (>= 0 and var local) || attribute >= 64) return;
        var known = _slots[local].Known;
        _slots[local] = _slots[local] with { Known = known with { StoredAttributes = known.StoredAttributes | 1UL << attribute } };
    }

    /// <summary>Whether this code stored into attribute slot <paramref name="attribute"/> of the object
    /// in <paramref name="slot"/> (its value seen at compile time is stale; unknown objects: false).</summary>
    public bool AttributeStored(int slot, int attribute) => attribute >= 64
        || (LocalOf(slot) is >= 0 and var local && (_slots[local].Known.StoredAttributes >> attribute & 1) != 0);

    /// <summary>An attribute store, a call or a helper may have changed any object's attributes: no
    /// attribute type is known any more, and no stack entry equals an attribute.</summary>
    public void ForgetAttributeTypes()
    {
        for (int s = 0; s < _capacity; s++)
        {
            ref readonly var state = ref _slots[s];
            if (state.Known.AttributeTypes != 0 || state.LoadedFrom != 0)
                _slots[s] = state with { Known = state.Known with { AttributeTypes = 0 }, LoadedFrom = 0 };
        }
    }

    /// <summary>The native iterator kind proven for stack entry <paramref name="slot"/> (0: none).</summary>
    public byte IteratorKindOf(int slot) => slot >= LocalCount && slot < _capacity ? _slots[slot].IteratorKind : (byte)0;

    /// <summary>A ForIter's kind test proved stack entry <paramref name="slot"/> holds a native iterator of <paramref name="kind"/>.</summary>
    public void NoteIteratorKind(int slot, byte kind)
    {
        if (slot >= LocalCount) _slots[slot] = _slots[slot] with { IteratorKind = kind };
    }

    /// <summary>The iterator kinds proven for the stack entries (<see cref="Lowering.ProvenIterators"/>), and
    /// the frame's facts: its depth checked, and with <paramref name="classVersion"/> (LBBV's version keys)
    /// the class version checked since the last call or helper.</summary>
    public ulong ProvenIterators(bool classVersion = false)
    {
        ulong proven = 0;
        for (int e = 0; e < Depth; e++) proven = Lowering.ProvenIterators.With(proven, e, _slots[StackSlot(e)].IteratorKind);
        if (classVersion && ClassVersionChecked) proven = Lowering.ProvenIterators.WithClassVersionChecked(proven);
        return LeafDepthChecked ? Lowering.ProvenIterators.WithLeafDepthChecked(proven) : proven;
    }

    /// <summary>A version entered with <paramref name="proven"/> (its key): marks those stack entries.</summary>
    public void EnterProvenIterators(ulong proven)
    {
        for (int e = 0; e < Depth && proven != 0; e++)
            if (Lowering.ProvenIterators.At(proven, e) is var kind and not 0) NoteIteratorKind(StackSlot(e), kind);
        if (Lowering.ProvenIterators.LeafDepthChecked(proven)) LeafDepthChecked = true;
        if (Lowering.ProvenIterators.ClassVersionChecked(proven)) NoteClassVersionChecked();
    }

    /// <summary>A guard proved the list in <paramref name="slot"/> claims element kind <paramref name="kind"/>.</summary>
    public void NoteElementKind(int slot, byte kind)
    {
        if (LocalOf(slot) is >= 0 and var local) _slots[local] = _slots[local] with { ElementKind = kind };
    }

    /// <summary>The element kinds known of the locals, to keep across a slow path that stores into
    /// no list but a given one (<see cref="RestoreElementKinds"/>).</summary>
    public byte[] SaveElementKinds()
    {
        var kinds = new byte[LocalCount];
        for (int s = 0; s < LocalCount; s++) kinds[s] = _slots[s].ElementKind;
        return kinds;
    }

    public void RestoreElementKinds(byte[] kinds)
    {
        for (int s = 0; s < kinds.Length && s < LocalCount; s++) _slots[s] = _slots[s] with { ElementKind = kinds[s] };
    }

    /// <summary>An item of element kind <paramref name="kept"/> (0: any kind) was stored into some
    /// list, which may be any local's: lists known to claim another kind may claim nothing now.</summary>
    public void ForgetElementKinds(byte kept = 0)
    {
        for (int s = 0; s < LocalCount; s++)
            if (_slots[s].ElementKind != 0 && _slots[s].ElementKind != kept) _slots[s] = _slots[s] with { ElementKind = 0 };
    }

    /// <summary>A tracing frontend saw <paramref name="slot"/> hold <paramref name="value"/> when it
    /// recorded the op about to be lowered: what speculation peeks at (a guard still proves it).</summary>
    public void Observe(int slot, Value value) =>
        _slots[slot] = _slots[slot] with { Live = value.IsEmpty ? null : value };

    // ---- leaving and resuming a frame (inlined calls, branches a trace continues on)

    /// <summary>A copy of everything known here, to resume from with <see cref="Restore"/>.</summary>
    public SavedFrame Save(bool keepCachedLocals = false)
    {
        // What is resumed later must not depend on registers the code in between may reuse (cached
        // locals may stay when the caller resumes where only out-of-line code ran in between).
        if (keepCachedLocals) SpillStackRegisters(SpillReason.Save);
        else SpillRegisters(SpillReason.Save);
        return new(_slots[.._capacity], LocalCount, Depth, _capacity, ClassVersionChecked, ClassFactsHold)
        {
            LeafDepthChecked = LeafDepthChecked,
            Cacheable = (CacheableLocals, CacheableFloatLocals),
        };
    }

    /// <summary>Resumes what was known when <paramref name="saved"/> was taken.</summary>
    public void Restore(SavedFrame saved)
    {
        if (_slots.Length < saved.Capacity) _slots = new SlotState[saved.Capacity * 2];
        saved.Slots.CopyTo(_slots, 0);
        LocalCount = saved.LocalCount;
        Depth = saved.Depth;
        _capacity = saved.Capacity;
        ClassVersionChecked = saved.ClassVersionChecked;
        ClassFactsHold &= saved.ClassFactsHold; // both the saved code and what ran since must keep them
        LeafDepthChecked = saved.LeafDepthChecked;
        (CacheableLocals, CacheableFloatLocals) = saved.Cacheable;
        // The code lowered since the save (an inlined callee) may have stored to any attribute.
        ForgetAttributeTypes();
        ForgetGlobals(); // and to any global (the save does not keep them)
    }

    // ---- forgetting

    public void ForgetLive(int slot) => _slots[slot] = _slots[slot] with { Live = null };

    /// <summary>A local is about to be overwritten: its pending copies are written first, stack
    /// copies of it no longer alias it, and what was known of its object is dropped.</summary>
    public void ForgetLocal(int local)
    {
        ForgetItemsOf(local);
        _slots[local] = _slots[local] with { Known = default, ElementKind = 0 };
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].Alias == local) Materialize(StackSlot(e));
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].Alias == local) _slots[StackSlot(e)] = _slots[StackSlot(e)] with { Alias = -1 };
        // Entries loaded from the old object's attributes no longer say anything of the local's.
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].LoadedFrom is not 0 and var source && AttributeSource.LocalOf(source) == local)
                _slots[StackSlot(e)] = _slots[StackSlot(e)] with { LoadedFrom = 0 };
    }

    /// <summary>A helper may have rewritten any local (MakeCell, DeleteFast run by the interpreter).</summary>
    public void ForgetKnownObjects()
    {
        ListEpoch++;
        ForgetGlobals();
        for (int s = 0; s < _capacity; s++) _slots[s] = _slots[s] with { Known = default, ElementKind = 0, LoadedFrom = 0 };
    }

    /// <summary>A call or a helper ran: it may have changed a class, and stored into any list.</summary>
    public void ForgetClassVersion()
    {
        ClassVersionChecked = false;
        ClassFactsHold = false; // it may have assigned an object's __class__
        ForgetGlobals(); // it may have stored into or deleted any global
        ForgetElementKinds();
        ForgetAttributeTypes();
        ListEpoch++; // it may also have made a list claim a kind (an append to an empty list)
    }

    // ---- module globals proved within a stretch of code (no call or helper in between)

    private readonly Dictionary<nint, AbstractType> _globals = [];

    /// <summary>What this stretch of code proved of the module global in <paramref name="cell"/>: Bound once
    /// a load tested it bound or a store bound it, a leaf type once a guard on a loaded copy or the stored
    /// value proved it; Unknown when nothing (or a call or helper ran since).</summary>
    public AbstractType GlobalTypeOf(nint cell) => _globals.TryGetValue(cell, out var t) ? t : AbstractType.Unknown;

    /// <summary>The global in <paramref name="cell"/> holds a value of <paramref name="type"/> (a load's
    /// unbound test, or a store); after a store, stack entries loaded from it earlier hold its old value.</summary>
    public void NoteGlobal(nint cell, AbstractType type, bool stored)
    {
        if (stored)
            for (int e = 0; e < Depth; e++)
                if (_slots[StackSlot(e)].GlobalAlias == cell)
                    _slots[StackSlot(e)] = _slots[StackSlot(e)] with { GlobalAlias = 0 };
        _globals[cell] = type.IsSubtypeOf(AbstractType.Bound) ? type : AbstractType.Bound;
    }

    /// <summary>Code that may have stored into or deleted any global ran (a call, a helper), or the frame was
    /// entered or restored: nothing is known of globals, and no stack entry equals one.</summary>
    public void ForgetGlobals()
    {
        _globals.Clear();
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].GlobalAlias != 0)
                _slots[StackSlot(e)] = _slots[StackSlot(e)] with { GlobalAlias = 0 };
    }

    /// <summary>What is known of globals, to keep across code that runs no Python code
    /// (<see cref="RestoreGlobals"/>).</summary>
    public KeyValuePair<nint, AbstractType>[] SaveGlobals() => _globals.Count == 0 ? [] : [.. _globals];

    /// <summary>Knows again what <see cref="SaveGlobals"/> saved (stack entries stay unaliased).</summary>
    public void RestoreGlobals(KeyValuePair<nint, AbstractType>[] saved)
    {
        foreach (var (cell, type) in saved) _globals[cell] = type;
    }

    /// <summary>The top stack entry was just loaded from the global in <paramref name="cell"/>.</summary>
    public void MarkLoadedFromGlobal(nint cell) => MarkLoadedFromGlobal(StackSlot(Depth - 1), cell);

    /// <summary>Stack entry <paramref name="slot"/> holds the value of the global in <paramref name="cell"/>
    /// (loaded from it, with no store, call or helper since): the global is bound.</summary>
    public void MarkLoadedFromGlobal(int slot, nint cell)
    {
        _slots[slot] = _slots[slot] with { GlobalAlias = cell };
        if (GlobalTypeOf(cell) == AbstractType.Unknown) _globals[cell] = AbstractType.Bound;
    }

    /// <summary>A guard proved stack entry <paramref name="slot"/> holds a <paramref name="type"/>: when
    /// it is a copy of a global, so does the global (until a store, call or helper).</summary>
    public void NoteGuardedGlobal(int slot, AbstractType type)
    {
        if (slot < LocalCount) return;
        nint cell = _slots[slot].GlobalAlias;
        if (cell == 0 || !type.IsSubtypeOf(GlobalTypeOf(cell))) return;
        _globals[cell] = type;
        // Other entries loaded from the global since hold the same value (`a * a`).
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].GlobalAlias == cell && type.IsSubtypeOf(_slots[StackSlot(e)].Type))
                _slots[StackSlot(e)] = _slots[StackSlot(e)] with { Type = Typed(StackSlot(e), type) };
    }

    // ---- items of a local's list (an item stored back into the list it was read from)

    /// <summary>Bumped by every call or helper (code that may make a list claim a new element kind;
    /// inline stores only ever drop a claim): items read before it are no longer known to keep one.</summary>
    public int ListEpoch { get; private set; }

    /// <summary>Around a list op's own slow path, which reads or stores one item and never makes a
    /// list claim a kind: the epoch from before it (<see cref="ListEpoch"/>).</summary>
    public void RestoreListEpoch(int epoch) => ListEpoch = epoch;

    /// <summary>Stack entry <paramref name="slot"/> was just read from the list in <paramref name="local"/>.</summary>
    public void NoteItemOf(int slot, int local) =>
        _slots[slot] = _slots[slot] with { ItemOf = local + 1, ItemEpoch = ListEpoch };

    /// <summary>Whether stack entry <paramref name="slot"/> is an item read from the list in
    /// <paramref name="local"/> since the last call or helper: every item then had the kind the list
    /// claims (if any), and stores since only dropped claims, so storing it back keeps the claim.</summary>
    public bool IsItemOf(int slot, int local) =>
        local >= 0 && _slots[slot].ItemOf == local + 1 && _slots[slot].ItemEpoch == ListEpoch;

    private void ForgetItemsOf(int local)
    {
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].ItemOf == local + 1) _slots[StackSlot(e)] = _slots[StackSlot(e)] with { ItemOf = 0 };
    }

    // ---- the lazy operand stack: Materialize*, in AbstractFrame.SpillRules.cs

    // ---- the register cache (floats in xmm8..xmm11, ints in rbx, r14, r15; spills: AbstractFrame.SpillRules.cs)

    /// <summary>Pushes a float result (an int one when <paramref name="isInt"/>) left in the cache register
    /// of its slot (<see cref="RegisterOf"/>, <see cref="IntRegisterOf"/>), not written to the frame. The
    /// lowering freed that register first (<see cref="FreeRegisterFor"/>).</summary>
    public void PushInRegister(bool isInt = false)
    {
        int slot = StackSlot(Depth++);
        var type = isInt ? AbstractType.Int : AbstractType.Float;
        _slots[slot] = SlotState.Unknown with { Type = Typed(slot, type), InRegister = true, IntRegister = isInt };
    }

    /// <summary>Stack entry <paramref name="slot"/> now lives in its float cache register (an int one
    /// when <paramref name="isInt"/>), where code just put it (a constant loaded, an int converted):
    /// its frame slot is stale and it copies no local.</summary>
    public void NowInRegister(int slot, bool isInt)
    {
        var type = isInt ? AbstractType.Int : AbstractType.Float;
        _slots[slot] = _slots[slot] with
        {
            Type = Typed(slot, type), PendingCopy = false, PendingConstant = null, Alias = -1, Live = null,
            ExactObject = 0, InRegister = true, IntRegister = isInt, LoadedFrom = 0, ItemOf = 0, // (an int converted)
            Known = default,
        };
    }

    /// <summary>Whether stack entry <paramref name="slot"/> is pending: a copy of a local or a constant
    /// not written to its slot.</summary>
    public bool IsPending(int slot) =>
        !_slots[slot].InRegister
        && (_slots[slot].PendingConstant.HasValue || (slot >= LocalCount && _slots[slot].PendingCopy));

    /// <summary>The stack entries cached in registers, for listings ("s5=xmm9 s6=xmm10"), or null.</summary>
    public string? CacheState()
    {
        List<string>? cached = CachedLocalNames();
        for (int e = 0; e < Depth; e++)
        {
            int s = StackSlot(e);
            if (!_slots[s].InRegister) continue;
            string register = _slots[s].IntRegister
                ? GprStencils.Name(IntRegisterOf(s))
                : XmmStencils.Name(RegisterOf(s));
            (cached ??= []).Add($"s{s}={register}");
        }
        return cached is null ? null : string.Join(' ', cached);
    }

    // Every slot keeps its type within a stretch of code; only a context (Context) stops at TypedSlots.
    // (A deep stack in a function of many locals, nbody's `x1, y1, z1 = ...` past slot 31, kept none.)
    private static AbstractType Typed(int slot, AbstractType type) => type;
}

/// <summary>What an <see cref="AbstractFrame"/> knew at one point (<see cref="AbstractFrame.Save"/>).</summary>
public sealed record SavedFrame(SlotState[] Slots, int LocalCount, int Depth, int Capacity, bool ClassVersionChecked,
    bool ClassFactsHold = false)
{
    /// <summary><see cref="AbstractFrame.LeafDepthChecked"/> at the save.</summary>
    public bool LeafDepthChecked { get; init; }

    /// <summary>The locals the frontend let the lowering cache (int, float) at the save.</summary>
    public (ulong Ints, ulong Floats) Cacheable { get; init; }
}
