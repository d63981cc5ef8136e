// Gen<Op> for closure cells (LoadDeref, StoreDeref), typed by the record of the cell's variable
// (docs/LBBV.md, "Typed closure cells"): a free variable whose cells have only ever held one kind
// of value, and were never captured empty, loads typed with no test behind the class-version
// check; stores keep the record true at the cost of a compare.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class CellOps(Lowerer lowerer) : OpFamily(lowerer)
{
    public bool GenLoadDeref(int slot)
    {
        int dst = StackSlot(Depth);
        var record = Cr.DerefRecord(slot);
        var type = RecordedType(record);
        // A cell variable of this code may be read before its first store; a free variable's cell
        // was bound when its closure was made and stays bound unless the record says otherwise.
        bool mayBeEmpty = slot < Cr.FirstDerefSlot + Cr.Code.CellVars.Length
            || (record->Flags & CellRecords.MayBeEmpty) != 0;
        if (type != AbstractType.Bound) RelyOn(record);
        FlushOps();
        Unit.Emit(S.Cell.Load, Operand.Slot(slot), Operand.Slot(dst));
        if (mayBeEmpty || type == AbstractType.Bound)
        {
            Emit.CountTypeTest();
            Unit.Emit(S.Guards.NotEmpty, Operand.Slot(dst), Emit.ColdExit(ExitReason.Unbound));
        }
        if (type != AbstractType.Bound) NoteTypedLoad(slot, type);
        // What the cell holds now is a guess for what it will hold (calls check the callee's identity).
        Frame.Push(type, LiveContents(slot));
        return Done();
    }

    /// <summary>The type every value of the record's variable has: one kind stored, read behind the
    /// class-version check; Bound when the record claims nothing or speculation is off here. Also
    /// the type of a module global's loads (GlobalOps).</summary>
    internal AbstractType RecordedType(CellRecord* record)
    {
        // SAFETY: a live record, read at compile time.
        byte kind = record->Kind;
        if (!MaySpeculate || kind is Lists.NoKind or CellRecords.Mixed) return AbstractType.Bound;
        var type = SubscriptOps.TypeOfKind(kind);
        return type.IsSubtypeOf(AbstractType.Bound) ? type : AbstractType.Bound;
    }

    /// <summary>Code compiled from here relies on <paramref name="record"/> (a typed load): the record
    /// is watched before the class version is read, so that its widening from now on bumps the
    /// version this code checks. Also for a module global's record (GlobalOps).</summary>
    internal void RelyOn(CellRecord* record)
    {
        // SAFETY: a record lives for the whole process (a variable's, or inside its module cell).
        CellRecords.Watch(record);
        Guards.GuardClassVersion(ClassObject.GlobalVersion);
    }

    private void NoteTypedLoad(int slot, AbstractType type)
    {
        Stats.TypedDerefLoadsEmitted++;
        if (Stats.TypedDerefLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        L.Tally.TypedDerefLoads.Add($"@{K}:{DerefName(slot)}:{type}");
    }

    private string DerefName(int slot)
    {
        var code = Cr.Code;
        int i = slot - Cr.FirstDerefSlot;
        return i < code.CellVars.Length ? code.CellVars[i] : code.FreeVars[i - code.CellVars.Length];
    }

    /// <summary>The value of the cell in <paramref name="slot"/> when the compiler sees the live frame.</summary>
    private Value? LiveContents(int slot)
    {
        if (!TryLive(slot, out var cell) || !cell.Is(ObjectKind.Cell)) return null;
        // SAFETY: a live cell object, read at compile time only.
        return Cells.P(cell)->Value;
    }

    /// <summary>A store into a cell keeps its variable's record true: no code when the record already
    /// has the kind of the value (a record only widens, so it still will) or is mixed; else a compare
    /// with the record, and the interpreter's op, which widens it, when the kind is new.</summary>
    public bool GenStoreDeref(int slot)
    {
        var record = Cr.DerefRecord(slot);
        int top = Top();
        byte kind = SubscriptOps.KindOfType(TypeOf(top));
        // SAFETY: a live record, read at compile time.
        if (CellRecords.Holds(record, kind))
        {
            Unit.Emit(S.Cell.Store, In(top), Operand.Slot(slot));
            Frame.Pop();
            return Done();
        }
        FlushOps();
        var rejoin = Unit.NewLabel();
        var pointer = Operand.Pointer((nint)record);
        var mixed = Operand.Imm(CellRecords.Mixed);
        if (kind != Lists.NoKind)
            Unit.Emit(S.Cell.StoreNotedOf, In(top), Operand.Slot(slot), pointer, Operand.Imm(kind), mixed,
                Emit.ColdHelper(rejoin));
        else
            Unit.Emit(S.Cell.StoreNoted, In(top), Operand.Slot(slot), pointer, mixed, Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        Frame.Pop();
        return Done();
    }
}
