// Gen<Op> for instance attributes behind a class check: slot loads typed by the class's typed
// shape (a tag, or the one class of the instances a slot held), slot stores, and `o.x += v`'s Swap
// fused into the store.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class AttributeOps(Lowerer lowerer) : OpFamily(lowerer)
{
    private AttributeCaches Caches => Ops.AttributeCaches;

    private bool TryInstanceSlot(int receiver, int name, byte kind, out AttrCache entry) =>
        Caches.TryCachedAttribute(K, receiver, name, kind, out entry) && MaySpeculate;

    /// <summary>The attribute an instance-slot load will read when this code first runs, if the compiler can tell.</summary>
    private Value? PeekAttribute(int obj, nint cls, int slot)
    {
        // A slot this code stored into holds something else by now than when compiling began.
        if (Frame.AttributeStored(obj, slot)) return null;
        if (!TryLive(obj, out var o) || !o.IsObject || o.Kind != ObjectKind.Instance) return null;
        var io = (InstanceObject*)o.Ptr;
        // SAFETY: a live instance; the slot index is checked against its slot count.
        if (io->Header.Class != cls || slot >= io->SlotCount) return null;
        return io->Slots[slot];
    }

    public bool GenLoadAttr(int name)
    {
        int obj = Top();
        if (!TryInstanceSlot(obj, name, AttributeCaches.SlotLoad, out var entry))
        {
            if (!MaySpeculate && Ops.PolymorphicCaches.TryGenLoadAttr(name)) return true;
            Frame.SpillRegisters(SpillReason.Op); // the interpreter's op (or a later version) reads the frame
            return Caches.UnknownAttribute(obj) ? Speculation.Defer() : Ops.Generic.GenGeneric(Opcode.LoadAttr, name);
        }
        nint cls = entry.Class;
        int slot = entry.Slot;
        // Typed shapes: every value ever stored in this slot had one tag, and the class-version check
        // below proves that is still so (widening bumps the version).
        byte tag = ClassObject.FromPtr(cls).SlotTag(slot);
        var type = tag is 0 or ClassObject.MixedTags ? AbstractType.Bound : TagMapping.FromTag(tag, 0) switch
        {
            AbstractType.Unknown => AbstractType.Bound,
            var t when t.IsSubtypeOf(AbstractType.Heap) => AbstractType.Heap,
            var t => t,
        };
        // What this version proved of the same attribute of the same object since the last store,
        // call or helper (a guard on an earlier load of it) types this load too: no test again.
        var proved = Frame.AttributeTypeOf(obj, slot);
        bool byProof = proved != AbstractType.Unknown && proved != type && proved.IsSubtypeOf(type);
        if (byProof) type = proved;
        int owner = Frame.LocalOf(obj);
        // A float slot is loaded into the register cache (the entry's frame slot is not written).
        bool toRegister = type == AbstractType.Float;
        if (toRegister) Frame.FreeRegisterFor(obj, obj);
        Stencil Load(Stencil plain, bool checkClass, bool inBounds) =>
            toRegister ? S.Attribute.LoadFloat(checkClass, inBounds, AbstractFrame.RegisterOf(obj)) : plain;
        Operand[] Destination() => toRegister ? [Guards.Failure()] : [Operand.Slot(obj), Guards.Failure()];
        // Attribute slots typed by one class: every object stored here was an instance of exactly
        // this class (same proof: the class-version check).
        nint slotClass = type == AbstractType.Heap ? ClassObject.FromPtr(cls).ReliedSlotClass(slot) : 0;
        Guards.GuardClassVersion(entry.Version);
        FlushOps();
        if (Frame.KnownClass(obj) == cls)
        {
            CountRecordClassCheckAvoided(obj);
            bool inBounds = Frame.HasAttributeSlot(obj, slot);
            var stencil = Load(inBounds ? S.Attribute.LoadInBounds : S.Attribute.LoadKnownClass, false, inBounds);
            Unit.Emit(stencil, [In(obj), Operand.Slot(slot), .. Destination()]);
        }
        else if (Frame.KnownClass(obj) == 0 && Caches.TryClassSet(K, entry, out var classes))
        {
            // The class is one of several: it stays unknown to the ops that follow.
            Guards.GuardClassIn(obj, classes);
            slotClass = AttributeCaches.CommonSlotClass(classes, slot);
            Unit.Emit(Load(S.Attribute.LoadKnownClass, false, false), [In(obj), Operand.Slot(slot), .. Destination()]);
        }
        else
        {
            Emit.CountClassCheck(); // inside the stencil
            Unit.Emit(Load(S.Attribute.Load, true, false), [In(obj), Operand.Imm(cls), Operand.Slot(slot), .. Destination()]);
            Frame.NoteObject(obj, cls);
        }
        Frame.NoteObject(obj, 0, slot);
        var attribute = PeekAttribute(obj, cls, slot);
        if (byProof) CountProvedLoad();
        Frame.Pop();
        if (toRegister) Frame.PushInRegister();
        else Frame.Push(type, attribute);
        if (slotClass != 0) NoteClassTypedLoad(name, slotClass);
        Frame.MarkLoadedFrom(Top(), owner, slot);
        return Done();
    }

    /// <summary>The loaded entry is an instance of <paramref name="slotClass"/> (its slot's class record):
    /// the next attribute or method op on it needs no class check.</summary>
    private void NoteClassTypedLoad(int name, nint slotClass)
    {
        L.Runtime.KeepAlive(ClassObject.FromPtr(slotClass).Self);
        Frame.NoteRecordClass(Top(), slotClass);
        Stats.ClassTypedAttributeLoadsEmitted++;
        if (Stats.ClassTypedAttributeLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        L.Tally.ClassTypedAttributeLoads.Add($"@{K}:{Cr.Names[name]}:{ClassObject.FromPtr(slotClass).Name}");
    }

    /// <summary>An attribute or method op skips the class check of <paramref name="obj"/>: counted
    /// when the class is known only from the record of the slot the object was loaded from, or only
    /// from the version's type context.</summary>
    internal void CountRecordClassCheckAvoided(int obj)
    {
        if (Frame.ClassFromContext(obj))
        {
            Stats.ContextClassChecksAvoidedEmitted++;
            if (Stats.ContextClassChecksAvoided is { } context) Unit.Emit(S.Counter.Increment, context);
            return;
        }
        if (!Frame.ClassFromRecord(obj)) return;
        Stats.RecordClassChecksAvoidedEmitted++;
        if (Stats.RecordClassChecksAvoided is { } c) Unit.Emit(S.Counter.Increment, c);
    }

    private void CountProvedLoad()
    {
        Stats.ProvedAttributeLoadsEmitted++;
        if (Stats.ProvedAttributeLoads is { } c) Unit.Emit(S.Counter.Increment, c);
    }

    public bool GenStoreAttr(int name)
    {
        int obj = Top(), value = Top(1);
        if (!TryInstanceSlot(obj, name, AttributeCaches.SlotStore, out var entry))
        {
            Frame.SpillRegisters(SpillReason.Op); // the interpreter's op (or a later version) reads the frame
            return Caches.UnknownAttribute(obj) ? Speculation.Defer() : Ops.Generic.GenGeneric(Opcode.StoreAttr, name);
        }
        byte tag = ClassObject.FromPtr(entry.Class).SlotTag(entry.Slot);
        // The first store into a slot records its tag: leave it to the interpreter's implementation.
        if (tag == 0)
        {
            Frame.SpillRegisters(SpillReason.Op);
            return Ops.Generic.GenGeneric(Opcode.StoreAttr, name);
        }
        return EmitStoreAttr(K, obj, value, entry, tag);
    }

    /// <summary>`o.x += v` ends with Swap 2; StoreAttr: the store reads the two entries where they
    /// are (the owner is usually a pending copy of a local) instead of swapping them in the frame.
    /// Only the typed fast path is fused: every path that runs an op through the interpreter
    /// (an unknown class, the first store, a widening store) keeps the Swap.</summary>
    public bool TryGenSwapStoreAttr()
    {
        int next = K + 1;
        if (next >= Shape.Length || Shape.IsBlockStart(next) || OpcodeInfo.OpOf(L.Code.InstrAt(next)) != Opcode.StoreAttr) return false;
        int obj = Top(1), value = Top();
        int name = OpcodeInfo.ArgOf(L.Code.InstrAt(next));
        if (!MaySpeculate || !Caches.TryCachedAttribute(next, obj, name, AttributeCaches.SlotStore, out var entry)) return false;
        byte tag = ClassObject.FromPtr(entry.Class).SlotTag(entry.Slot);
        if (tag == 0 || Widens(value, tag) || ClassToCheck(value, entry) != 0) return false;
        if (L.KeepListings) Unit.Annotate($"@{next} StoreAttr {name} (fused with the Swap)");
        EmitStoreAttr(next, obj, value, entry, tag);
        return Done();
    }

    /// <summary>The store of the StoreAttr at <paramref name="at"/> (its cache entry <paramref name="entry"/>).</summary>
    private bool EmitStoreAttr(int at, int obj, int value, AttrCache entry, byte tag)
    {
        nint cls = entry.Class;
        int slot = entry.Slot;
        FlushOps();
        var rejoin = Unit.NewLabel();
        nint valueClass = ClassToCheck(value, entry);
        bool widening = Widens(value, tag) || valueClass != 0;
        if (valueClass != 0)
        {
            // A slot of instances of one class: an object of another class (or a value of another
            // tag) widens its record, which the interpreter's store does (and bumps the class version).
            Emit.CountClassCheck();
            Unit.Emit(S.Guards.Class, In(value), Operand.Imm(valueClass), Emit.ColdHelper(rejoin));
        }
        else if (widening)
        {
            // A value of another tag widens the slot's type: the interpreter's store records that.
            Emit.CountTypeTest();
            Unit.Emit(Guards.TagGuard(tag), In(value), Emit.ColdHelper(rejoin));
        }
        // A float in the register cache (not widening: the guard above would have spilled it) is
        // stored from its register.
        bool fromRegister = Frame.InXmm(value);
        Stencil Store(Stencil plain, bool checkClass, bool inBounds) =>
            fromRegister ? S.Attribute.StoreFloat(checkClass, inBounds, AbstractFrame.RegisterOf(value)) : plain;
        Operand[] Value() => fromRegister ? [] : [In(value)];
        Guards.GuardClassVersion(entry.Version);
        if (Frame.KnownClass(obj) == cls) CountRecordClassCheckAvoided(obj);
        if (Frame.KnownClass(obj) == cls && Frame.HasAttributeSlot(obj, slot))
            Unit.Emit(Store(S.Attribute.StoreInBounds, false, true), [In(obj), Operand.Slot(slot), .. Value()]);
        else if (Frame.KnownClass(obj) == cls)
            Unit.Emit(Store(S.Attribute.StoreKnownClass, false, false), [In(obj), Operand.Slot(slot), .. Value(), Guards.Failure()]);
        else if (Frame.KnownClass(obj) == 0 && Caches.TryClassSet(at, entry, out var classes))
        {
            Guards.GuardClassIn(obj, classes);
            Unit.Emit(Store(S.Attribute.StoreKnownClass, false, false), [In(obj), Operand.Slot(slot), .. Value(), Guards.Failure()]);
        }
        else
        {
            Emit.CountClassCheck();
            Unit.Emit(Store(S.Attribute.Store, true, false),
                [In(obj), Operand.Imm(cls), Operand.Slot(slot), .. Value(), Guards.Failure()]);
            // Only when no slow path (which takes any class) rejoins below.
            if (!widening) Frame.NoteObject(obj, cls);
        }
        if (!widening) Frame.NoteObject(obj, 0, slot);
        Emit.Rejoin(rejoin);
        // The store may change the attribute of any object another local holds: only what it
        // stored is known, in the object it stored into.
        var stored = TypeOf(value);
        Frame.ForgetAttributeTypes();
        if (Speculation.IsLeaf(stored)) Frame.NoteAttributeType(Frame.LocalOf(obj), slot, stored);
        Frame.NoteAttributeStored(obj, slot);
        Frame.Pop(2);
        return Done();
    }

    /// <summary>Whether storing <paramref name="value"/> into a slot whose values so far all had
    /// <paramref name="tag"/> may widen the slot's type (the value's tag is not known to be that one).</summary>
    private bool Widens(int value, byte tag) => tag != ClassObject.MixedTags && TypeOf(value).Guarantee().ExactTag != tag;

    /// <summary>The class a store into the slot of <paramref name="entry"/> must check the value has
    /// (the slot's class record: a store of anything else widens it), or 0 when there is none or the
    /// value's class is known to be that one.</summary>
    private nint ClassToCheck(int value, AttrCache entry)
    {
        // A store that checks the class relies on the record: its widening must invalidate the check.
        nint recorded = ClassObject.FromPtr(entry.Class).ReliedSlotClass(entry.Slot);
        return recorded != 0 && Frame.KnownClass(value) != recorded ? recorded : 0;
    }
}
