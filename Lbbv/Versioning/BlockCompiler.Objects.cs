// Gen<Op> for list/tuple indexing and instance attributes behind a class check.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    private bool GenBinarySubscr()
    {
        int container = Top(1), index = Top(0);
        var tc = Speculate(container, AbstractType.Unknown, out bool guardC);
        var ti = Speculate(index, AbstractType.Int, out bool guardI);
        if (tc == AbstractType.Unknown && ShouldDefer() && CouldBeSequence(TypeOf(container))) return Defer();
        if (tc is not (AbstractType.List or AbstractType.Tuple) || ti != AbstractType.Int) return GenHelperOp(OpHelpers.SubscrAddress, 2, AbstractType.Bound);
        FlushOps();
        if (guardC || guardI)
        {
            var fail = ChainTarget(_ctx);
            if (guardC) Guard(container, tc, fail);
            if (guardI) Guard(index, ti, fail);
        }
        var stencil = tc == AbstractType.List ? _s.Sequence.ListGetItem : _s.Sequence.TupleGetItem;
        var rejoin = _unit.NewLabel();
        _unit.Emit(stencil, In(container), In(index), Operand.Slot(container), ColdHelper(rejoin));
        _unit.Bind(rejoin);
        var item = PeekItem(container, index, tc);
        Pop(2);
        PushPeeked(AbstractType.Bound, item);
        return Done();
    }

    /// <summary>`BuildSlice n` then `BinarySubscr` (`a[lo:hi]`, `a[lo:hi:by]`): one helper call that
    /// slices a list, tuple, str or range without building the slice object. A slice of a list,
    /// tuple or str is a new list, tuple or str (their kinds are exact types: subclass instances
    /// are Instance objects), so `perm = perm1[:]` keeps perm typed when the container's type is
    /// known or guarded. Not fused when the subscript starts a block (something jumps to it).</summary>
    private bool GenBuildSlice(int n)
    {
        int next = _k + 1;
        if (next >= _shape.Length || _shape.IsBlockStart(next) || OpcodeInfo.OpOf(_cr.Instrs[next]) != Opcode.BinarySubscr)
            return n == 2 ? GenHelperOp(OpHelpers.BuildSliceAddress, 2, AbstractType.Heap) : GenGeneric(Opcode.BuildSlice, n);
        int container = Top(n);
        var tc = Speculate(container, AbstractType.Unknown, out bool guardC);
        if (tc == AbstractType.Unknown && ShouldDefer() && CouldBeSequence(TypeOf(container))) return Defer();
        if (tc is not (AbstractType.List or AbstractType.Tuple or AbstractType.Str)) tc = AbstractType.Bound;
        FlushOps();
        if (guardC && tc != AbstractType.Bound) Guard(container, tc, ChainTarget(_ctx));
        if (_options.KeepListings) _unit.Annotate($"@{next} BinarySubscr (fused with the BuildSlice)");
        CallHelper(OpHelpers.SliceSubscrAddress, n);
        Pop(n + 1);
        Push(tc);
        return Done(2);
    }

    /// <summary>The item a list/tuple subscript will read when this code first runs, if the compiler can tell.</summary>
    private Value? PeekItem(int container, int index, AbstractType kind)
    {
        if (!TryLive(container, out var c) || !TryLive(index, out var i) || !c.IsObject || !i.IsInt) return null;
        long n = c.Kind == ObjectKind.List && kind == AbstractType.List ? ((ListObject*)c.Ptr)->Count
            : c.Kind == ObjectKind.Tuple && kind == AbstractType.Tuple ? Tuples.Count(c) : -1;
        if (i.Payload < 0 || i.Payload >= n) return null;
        // SAFETY: a live list or tuple and an index checked against its count.
        return kind == AbstractType.List ? ((ListObject*)c.Ptr)->Items[i.Payload] : Tuples.Span(c)[(int)i.Payload];
    }

    /// <summary>The attribute an instance-slot load will read when this code first runs, if the compiler can tell.</summary>
    private Value? PeekAttribute(int obj, nint cls, int slot)
    {
        if (!TryLive(obj, out var o) || !o.IsObject || o.Kind != ObjectKind.Instance) return null;
        var io = (InstanceObject*)o.Ptr;
        // SAFETY: a live instance; the slot index is checked against its slot count.
        if (io->Header.Class != cls || slot >= io->SlotCount) return null;
        return io->Slots[slot];
    }

    private static bool CouldBeSequence(AbstractType t) => t is AbstractType.Unknown or AbstractType.Bound or AbstractType.Heap;

    private bool GenStoreSubscr()
    {
        int value = Top(2), container = Top(1), index = Top(0);
        var tc = Speculate(container, AbstractType.Unknown, out bool guardC);
        var ti = Speculate(index, AbstractType.Int, out bool guardI);
        if (tc == AbstractType.Unknown && ShouldDefer() && CouldBeSequence(TypeOf(container))) return Defer();
        if (tc != AbstractType.List || ti != AbstractType.Int) return GenHelperOp(OpHelpers.StoreItemAddress, 3, null);
        FlushOps();
        if (guardC || guardI)
        {
            var fail = ChainTarget(_ctx);
            if (guardC) Guard(container, tc, fail);
            if (guardI) Guard(index, ti, fail);
        }
        var rejoin = _unit.NewLabel();
        _unit.Emit(_s.Sequence.ListSetItem, In(container), In(index), In(value), ColdHelper(rejoin));
        _unit.Bind(rejoin);
        Pop(3);
        return Done();
    }

    /// <summary>The attribute cache entry the interpreter filled at this op for the class of the live
    /// receiver (else the op's primary entry), when it is of <paramref name="kind"/> (1: instance slot
    /// load, 2: method, 3: instance slot store) and current.</summary>
    private bool TryCachedAttribute(int receiver, int name, byte kind, out AttrCache entry) => TryCachedAttribute(_k, receiver, name, kind, out entry);

    /// <summary>The same for the attribute op at <paramref name="at"/> (a fused op's second half).</summary>
    private bool TryCachedAttribute(int at, int receiver, int name, byte kind, out AttrCache entry)
    {
        entry = _cr.AttrCaches[at];
        if (TryLive(receiver, out var o) && o.IsObject && o.Kind == ObjectKind.Instance)
        {
            // SAFETY: a live heap object; its header names its class.
            nint cls = ((ObjectHeader*)o.Ptr)->Class;
            entry = _cr.Find(at, cls, kind, out bool found);
            // Not seen by the interpreter here yet: decide as its cache would.
            if (!found && !Attributes.TryInstanceCacheEntry(ClassObject.FromPtr(cls), _cr.Names[name], kind, out entry)) return false;
        }
        return entry.Kind == kind && entry.Class != 0 && entry.Version == ClassObject.GlobalVersion;
    }

    /// <summary>A polymorphic site: the classes (two to four, <paramref name="entry"/>'s first) whose
    /// current cache entries at this op do what <paramref name="entry"/> does: a slot load of the
    /// same slot, whose values have had the same tag in every one of those classes, or a method
    /// load of the same function. One class-set check then replaces a chain of class checks (each
    /// failure an indirect jump to the next class's version).</summary>
    private bool TryClassSet(AttrCache entry, out nint[] classes) => TryClassSet(_k, entry, out classes);

    /// <summary>The same for the attribute op at <paramref name="at"/> (a fused op's second half).</summary>
    private bool TryClassSet(int at, AttrCache entry, out nint[] classes)
    {
        var found = new List<nint> { entry.Class };
        for (int way = 0; way < CodeRuntime.CacheWays && found.Count < 4; way++)
        {
            var e = _cr.CacheWay(at, way);
            if (e.Kind != entry.Kind || e.Class == 0 || e.Version != ClassObject.GlobalVersion || found.Contains(e.Class)) continue;
            bool same = entry.Kind == 2
                ? e.Value.Same(entry.Value)
                : e.Slot == entry.Slot && ClassObject.FromPtr(e.Class).SlotTag(e.Slot) == ClassObject.FromPtr(entry.Class).SlotTag(entry.Slot);
            if (same) found.Add(e.Class);
        }
        classes = [.. found];
        return found.Count >= 2;
    }

    /// <summary>Guard.ClassIn on <paramref name="obj"/> for <paramref name="classes"/> (two to four).</summary>
    private void GuardClassIn(int obj, nint[] classes)
    {
        CountClassCheck();
        // Fewer than four: the last class fills the rest.
        Operand Class(int i) => Operand.Imm(classes[Math.Min(i, classes.Length - 1)]);
        _unit.Emit(_s.Guards.ClassIn, In(obj), Class(0), Class(1), Class(2), Class(3), ClassMismatch());
    }

    private bool TryInstanceSlot(int receiver, int name, byte kind, out AttrCache entry) =>
        TryCachedAttribute(receiver, name, kind, out entry) && _noSpeculationAt != _k;

    /// <summary>What is known of a local's object: the class it was checked to have (0: none) and
    /// how many attribute slots it has at least (an access to slot s got past the count check: s + 1).</summary>
    private readonly record struct KnownObject(nint Class, int Slots);

    /// <summary>The local whose object <paramref name="slot"/> holds: itself, or the local a stack
    /// entry is a copy of (-1: none).</summary>
    private int LocalOf(int slot) => slot < _slotCount ? slot : _alias[slot];

    /// <summary>The class of the object in <paramref name="slot"/> when checked earlier in this version.</summary>
    private nint KnownClass(int slot) => LocalOf(slot) is >= 0 and var local ? _knownObject[local].Class : 0;

    private void NoteClass(int slot, nint cls)
    {
        if (LocalOf(slot) is >= 0 and var local) _knownObject[local] = _knownObject[local] with { Class = cls };
    }

    /// <summary>Whether the object in <paramref name="slot"/> is known to have attribute slot
    /// <paramref name="attribute"/> (its count check can be left out).</summary>
    private bool SlotInBounds(int slot, int attribute) => LocalOf(slot) is >= 0 and var local && attribute < _knownObject[local].Slots;

    /// <summary>An access to attribute slot <paramref name="attribute"/> of the object in
    /// <paramref name="slot"/> got past its count check.</summary>
    private void NoteSlot(int slot, int attribute)
    {
        if (LocalOf(slot) is >= 0 and var local && _knownObject[local].Slots <= attribute)
            _knownObject[local] = _knownObject[local] with { Slots = attribute + 1 };
    }

    /// <summary>No class changed since the code was compiled (a property added to a class would change
    /// what a slot access means; a method reassigned, what a method load finds); once per stretch of
    /// code without calls.</summary>
    private void GuardClassVersion(int version)
    {
        if (_classVersionChecked) return;
        FlushOps();
        _unit.Emit(_s.Guards.ClassVersion, Operand.Imm(version), ClassMismatch());
        _classVersionChecked = true;
    }

    /// <summary>True when nothing is known about the receiver's class here (no cache entry, no live
    /// value): the op is better compiled when reached, with the receiver in view.</summary>
    private bool UnknownAttribute(int receiver) => !TryLive(receiver, out _) && _cr.AttrCaches[_k].Kind == 0 && ShouldDefer();

    /// <summary>Where a class check at this op goes when it fails: a version for the receiver's
    /// actual class (a chain, as for type guards), or at the cap one that runs the op generically.</summary>
    private Operand ClassMismatch() => ChainTarget(_ctx);

    private bool GenLoadAttr(int name)
    {
        int obj = Top();
        if (!TryInstanceSlot(obj, name, 1, out var entry)) return UnknownAttribute(obj) ? Defer() : GenGeneric(Opcode.LoadAttr, name);
        nint cls = entry.Class;
        int slot = entry.Slot;
        GuardClassVersion(entry.Version);
        FlushOps();
        if (KnownClass(obj) == cls)
        {
            var stencil = SlotInBounds(obj, slot) ? _s.Attribute.LoadInBounds : _s.Attribute.LoadKnownClass;
            _unit.Emit(stencil, In(obj), Operand.Slot(slot), Operand.Slot(obj), ClassMismatch());
        }
        else if (KnownClass(obj) == 0 && TryClassSet(entry, out var classes))
        {
            // The class is one of several: it stays unknown to the ops that follow.
            GuardClassIn(obj, classes);
            _unit.Emit(_s.Attribute.LoadKnownClass, In(obj), Operand.Slot(slot), Operand.Slot(obj), ClassMismatch());
        }
        else
        {
            CountClassCheck(); // inside the stencil
            _unit.Emit(_s.Attribute.Load, In(obj), Operand.Imm(cls), Operand.Slot(slot), Operand.Slot(obj), ClassMismatch());
            NoteClass(obj, cls);
        }
        NoteSlot(obj, slot);
        var attribute = PeekAttribute(obj, cls, slot);
        Pop();
        // Typed shapes: every value ever stored in this slot had one tag, and the class-version check
        // above proves that is still so (widening bumps the version).
        byte tag = ClassObject.FromPtr(cls).SlotTag(slot);
        var type = tag is 0 or ClassObject.MixedTags ? AbstractType.Bound : TagMapping.FromTag(tag, 0) switch
        {
            AbstractType.Unknown => AbstractType.Bound,
            var t when t.IsSubtypeOf(AbstractType.Heap) => AbstractType.Heap,
            var t => t,
        };
        PushPeeked(type, attribute);
        return Done();
    }

    private bool GenStoreAttr(int name)
    {
        int obj = Top(), value = Top(1);
        if (!TryInstanceSlot(obj, name, 3, out var entry)) return UnknownAttribute(obj) ? Defer() : GenGeneric(Opcode.StoreAttr, name);
        byte tag = ClassObject.FromPtr(entry.Class).SlotTag(entry.Slot);
        // The first store into a slot records its tag: leave it to the interpreter's implementation.
        if (tag == 0) return GenGeneric(Opcode.StoreAttr, name);
        return EmitStoreAttr(_k, obj, value, entry, tag);
    }

    /// <summary>`o.x += v` ends with Swap 2; StoreAttr: the store reads the two entries where they
    /// are (the owner is usually a pending copy of a local) instead of swapping them in the frame.
    /// Only the typed fast path is fused: every path that runs an op through the interpreter
    /// (an unknown class, the first store, a widening store) keeps the Swap.</summary>
    private bool TryGenSwapStoreAttr()
    {
        int next = _k + 1;
        if (next >= _shape.Length || _shape.IsBlockStart(next) || OpcodeInfo.OpOf(_cr.Instrs[next]) != Opcode.StoreAttr) return false;
        int obj = Top(1), value = Top();
        if (_noSpeculationAt == _k || !TryCachedAttribute(next, obj, OpcodeInfo.ArgOf(_cr.Instrs[next]), 3, out var entry)) return false;
        byte tag = ClassObject.FromPtr(entry.Class).SlotTag(entry.Slot);
        if (tag == 0 || Widens(value, tag)) return false;
        if (_options.KeepListings) _unit.Annotate($"@{next} StoreAttr {OpcodeInfo.ArgOf(_cr.Instrs[next])} (fused with the Swap)");
        EmitStoreAttr(next, obj, value, entry, tag);
        return Done();
    }

    /// <summary>The store of the StoreAttr at <paramref name="at"/> (its cache entry <paramref name="entry"/>).</summary>
    private bool EmitStoreAttr(int at, int obj, int value, AttrCache entry, byte tag)
    {
        nint cls = entry.Class;
        int slot = entry.Slot;
        FlushOps();
        var rejoin = _unit.NewLabel();
        bool widening = Widens(value, tag);
        if (widening)
        {
            // A value of another tag widens the slot's type: the interpreter's store records that.
            CountTypeTest();
            _unit.Emit(TagGuard(tag), In(value), ColdHelper(rejoin));
        }
        GuardClassVersion(entry.Version);
        if (KnownClass(obj) == cls && SlotInBounds(obj, slot))
            _unit.Emit(_s.Attribute.StoreInBounds, In(obj), Operand.Slot(slot), In(value));
        else if (KnownClass(obj) == cls)
            _unit.Emit(_s.Attribute.StoreKnownClass, In(obj), Operand.Slot(slot), In(value), ClassMismatch());
        else if (KnownClass(obj) == 0 && TryClassSet(at, entry, out var classes))
        {
            GuardClassIn(obj, classes);
            _unit.Emit(_s.Attribute.StoreKnownClass, In(obj), Operand.Slot(slot), In(value), ClassMismatch());
        }
        else
        {
            CountClassCheck();
            _unit.Emit(_s.Attribute.Store, In(obj), Operand.Imm(cls), Operand.Slot(slot), In(value), ClassMismatch());
            // Only when no slow path (which takes any class) rejoins below.
            if (!widening) NoteClass(obj, cls);
        }
        if (!widening) NoteSlot(obj, slot);
        _unit.Bind(rejoin);
        Pop(2);
        return Done();
    }

    /// <summary>Whether storing <paramref name="value"/> into a slot whose values so far all had
    /// <paramref name="tag"/> may widen the slot's type (the value's tag is not known to be that one).</summary>
    private bool Widens(int value, byte tag) => tag != ClassObject.MixedTags && TypeOf(value).Guarantee().ExactTag != tag;

    private Backend.Stencils.Stencil TagGuard(byte tag) => tag switch
    {
        RuntimeTags.Int => _s.Guards.Int,
        RuntimeTags.Float => _s.Guards.Float,
        RuntimeTags.Bool => _s.Guards.Bool,
        RuntimeTags.None => _s.Guards.None,
        RuntimeTags.Object => _s.Guards.Object,
        _ => throw new ArgumentOutOfRangeException(nameof(tag)),
    };
}
