// Gen<Op> for module globals and builtins: read through the module's cell, or, for a builtin and a
// global not rebound since JIT code first read it, as a constant behind the class-version check; a
// rebound global whose record holds one kind is read typed with no test behind that check.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class GlobalOps(Lowerer lowerer) : OpFamily(lowerer)
{
    private nint GlobalCell(int name)
    {
        nint cell = Cr.GlobalCells[name];
        if (cell == 0) Cr.GlobalCells[name] = cell = Cr.Module.CellFor(Cr.Names[name]).Ptr;
        return cell;
    }

    public bool GenLoadGlobal(int name)
    {
        nint cell = GlobalCell(name);
        int dst = StackSlot(Depth);
        FlushOps();
        // SAFETY: module cells live as long as their module; the compiler reads the current value only to pick a path.
        nint builtin = Cr.BuiltinCells[name];
        if (builtin == 0 && ((CellObject*)cell)->Value.IsEmpty)
            Cr.BuiltinCells[name] = builtin = Builtins.Module.CellFor(Cr.Names[name]).Ptr;
        if (((CellObject*)cell)->Value.IsEmpty && !((CellObject*)builtin)->Value.IsEmpty)
            return GenLoadBuiltin(dst, cell, ((CellObject*)builtin)->Value);
        if (MaySpeculate && IsWatchable((CellObject*)cell))
            return GenLoadWatchedGlobal((CellObject*)cell);
        // A type this code proved itself needs no reliance on the global's record (whose widening would
        // invalidate this code): it goes before the record's type.
        var proved = Frame.GlobalTypeOf(cell);
        if (TypedGlobal((CellObject*)cell) is { } type && !Speculation.IsLeaf(proved))
            return GenLoadTypedGlobal(cell, dst, type);
        Unit.Emit(S.Frame.LoadCell, Operand.Pointer(cell), Operand.Slot(dst));
        if (proved == AbstractType.Unknown)
        {
            Emit.CountTypeTest();
            Unit.Emit(S.Guards.NotEmpty, Operand.Slot(dst), Emit.ColdExit(ExitReason.Unbound));
            Frame.NoteGlobal(cell, AbstractType.Bound, stored: false);
        }
        else
        {
            // Bound (and typed) since this code's own load or store of it, with no call or helper since.
            Stats.ProvedGlobalLoadsEmitted++;
            if (Stats.ProvedGlobalLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        }
        // What the cell holds now is a guess for what it will hold (calls check the callee's identity).
        Frame.Push(proved == AbstractType.Unknown ? AbstractType.Bound : proved, ((CellObject*)cell)->Value);
        Frame.MarkLoadedFromGlobal(cell);
        return Done();
    }

    /// <summary>Functions, classes and modules bound to module globals are rarely rebound: JIT code
    /// reads them as constants. So is any other global bound only once so far (a tuple of words, a
    /// list, a size; <see cref="ObjectHeader.RebindBit"/>): a module-level counter or loop variable
    /// is rebound before its loop is compiled, and is read through its cell. Builtin functions imported
    /// into a module's globals (`from math import sqrt`) are functions here: their calls are then
    /// typed without an identity check.</summary>
    private static bool IsWatchable(CellObject* cell)
    {
        // SAFETY: a live module cell, read at compile time only.
        var value = cell->Value;
        if (value.IsObject && value.Kind is ObjectKind.Function or ObjectKind.Class or ObjectKind.Module
            or ObjectKind.BuiltinFunction) return true;
        return !value.IsEmpty && (cell->Header.GcBits & ObjectHeader.RebindBit) == 0;
    }

    /// <summary>A global holding a function, class or module: the cell is marked watched, so that
    /// rebinding or deleting it bumps the class version (<see cref="ModuleObject.BeforeWrite"/>,
    /// and the StoreCell stencil leaves a watched cell's store to the interpreter's op), and behind
    /// the class-version check, shared with the attribute ops, the value is a constant: no test
    /// that the global is bound, and a call of it needs no identity check (CPython's specializer
    /// guards such globals with the module dict's version; PyPy calls them quasi-immutable).</summary>
    private bool GenLoadWatchedGlobal(CellObject* cell)
    {
        // SAFETY: a live module cell; setting the flag before reading the version makes any later
        // rebinding bump the version this code checks.
        cell->Header.GcBits |= ObjectHeader.WatchedBit;
        return PushGlobalConstant(cell->Value);
    }

    /// <summary>The type every value of a bound global has, from its record (docs/LBBV.md, "Typed module
    /// globals"): one kind stored, and never deleted (a global bound now then stays bound); null when
    /// the record claims nothing or speculation is off here.</summary>
    private AbstractType? TypedGlobal(CellObject* cell)
    {
        // SAFETY: a live module cell and its record, read at compile time.
        var record = CellRecords.OfGlobal(cell);
        if (cell->Value.IsEmpty || (record->Flags & CellRecords.MayBeEmpty) != 0) return null;
        var type = Ops.Cells.RecordedType(record);
        return type == AbstractType.Bound ? null : type;
    }

    /// <summary>A global read typed with no test, valid while the class version is the one read now:
    /// the record is watched first, so that its widening or the global's deletion bumps the version.</summary>
    private bool GenLoadTypedGlobal(nint cell, int dst, AbstractType type)
    {
        // SAFETY: a live module cell's record.
        Ops.Cells.RelyOn(CellRecords.OfGlobal((CellObject*)cell));
        FlushOps();
        Unit.Emit(S.Frame.LoadCell, Operand.Pointer(cell), Operand.Slot(dst));
        Stats.TypedGlobalLoadsEmitted++;
        if (Stats.TypedGlobalLoads is { } c) Unit.Emit(S.Counter.Increment, c);
        // SAFETY: as above; what the cell holds now is a guess for what it will hold.
        Frame.Push(type, ((CellObject*)cell)->Value);
        return Done();
    }

    /// <summary>Pushes a global's object as a constant, valid while the class version is the one
    /// read now (checked here unless already checked in this stretch of code). Like a LoadConst of
    /// a number it is pending: written only when something reads it from the frame (a direct call
    /// of it never does).</summary>
    private bool PushGlobalConstant(Value value)
    {
        Guards.GuardClassVersion(ClassObject.GlobalVersion);
        if (value.IsObject) L.Runtime.KeepAlive(value);
        Frame.PushConstant(value, TagMapping.FromTag((byte)value.Tag, value.IsObject ? (byte)value.Kind : (byte)0), exact: value.IsObject);
        return Done();
    }

    /// <summary>A global that names a builtin (the module's cell is unbound). Builtins never change
    /// (a program cannot reach the builtins module), and binding a module global that shadows a
    /// builtin bumps the class version (<see cref="ModuleObject.BeforeWrite"/>), so behind the
    /// class-version check, shared with the attribute ops, the builtin is a constant: no test of
    /// the module cell, none of the builtin's cell, and a call of it needs no identity check.
    /// Without speculation (at the version cap) the module cell is tested each time.</summary>
    private bool GenLoadBuiltin(int dst, nint moduleCell, Value value)
    {
        if (MaySpeculate && value.IsObject) return PushGlobalConstant(value);
        Unit.Emit(S.Frame.LoadCell, Operand.Pointer(moduleCell), Operand.Slot(dst));
        // The global must still be unbound, then the builtin's cell is read.
        var isBuiltin = Unit.NewLabel();
        Emit.CountTypeTest();
        Unit.Emit(S.Guards.NotEmpty, Operand.Slot(dst), isBuiltin);
        // The global was bound since: leave through the cold exit, which writes the pending
        // stack entries first (an exit straight from here left them stale).
        Unit.Emit(S.Control.Jump, Emit.ColdExit(ExitReason.GuardFailed));
        Unit.Bind(isBuiltin);
        Operands.EmitConstant(value, dst);
        Frame.Push(AbstractType.Bound, value);
        return Done();
    }

    public bool GenStoreGlobal(int name)
    {
        // Binding a global that shadows a builtin must bump the class version: the interpreter's op does.
        // (Checked at compile time: builtin names never change.)
        if (!Builtins.Module.Get(Cr.Names[name]).IsEmpty) return Ops.Generic.GenGeneric(Opcode.StoreGlobal, name);
        nint cell = GlobalCell(name);
        // SAFETY: a live module cell. This code will rebind the global: not a constant for JIT code.
        ((CellObject*)cell)->Header.GcBits |= ObjectHeader.RebindBit;
        var record = CellRecords.OfGlobal((CellObject*)cell);
        int top = Top();
        byte kind = SubscriptOps.KindOfType(TypeOf(top));
        FlushOps();
        var rejoin = Unit.NewLabel();
        // A watched cell (read as a constant by JIT code) is stored by the interpreter's op, which
        // bumps the class version first; so is a value of a kind the global's record lacks (the op
        // widens the record, bumping the version if JIT code relies on it).
        var pointer = Operand.Pointer(cell);
        // The slow path binds the global (the interpreter's op, no Python code): what was known of
        // other globals and of lists still holds after it; only the class version may have moved.
        var globals = Frame.SaveGlobals();
        var kinds = Frame.SaveElementKinds();
        int epoch = Frame.ListEpoch;
        var mixed = Operand.Imm(CellRecords.Mixed);
        // SAFETY: a live record, read at compile time.
        if (CellRecords.Holds(record, kind))
            Unit.Emit(S.Frame.StoreCell, In(top), pointer, Emit.ColdHelper(rejoin));
        else if (kind != Lists.NoKind)
            Unit.Emit(S.Cell.GlobalStoreNotedOf, In(top), pointer, Operand.Pointer((nint)record), Operand.Imm(kind),
                mixed, Emit.ColdHelper(rejoin));
        else
            Unit.Emit(S.Cell.GlobalStoreNoted, In(top), pointer, Operand.Pointer((nint)record), mixed,
                Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        Frame.RestoreGlobals(globals);
        Frame.RestoreElementKinds(kinds);
        Frame.RestoreListEpoch(epoch);
        // Whichever path stored it, the global now holds this value.
        Frame.NoteGlobal(cell, TypeOf(top), stored: true);
        Frame.Pop();
        return Done();
    }
}
