// What the cells of one cell variable have held (docs/LBBV.md, "Typed closure cells"): the element
// kind (Lists.KindOf) of every value ever stored into any cell of the variable, and whether a cell
// of it may be found empty by an inner function. JIT code types a free variable's load by it behind
// the class-version check; every store notes the value's kind at the cost of a compare, and a
// record that widens while JIT code relies on it bumps the class version. A module's global cell
// carries such a record too (OfGlobal), kept and read the same way.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

/// <summary>One cell variable's record, in native memory so that machine code compares with it.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public struct CellRecord
{
    /// <summary><see cref="Lists.NoKind"/> before the first store, the one kind of every value
    /// stored since, or <see cref="CellRecords.Mixed"/>. Only widens.</summary>
    [FieldOffset(0)] public byte Kind;
    /// <summary><see cref="CellRecords.MayBeEmpty"/> and <see cref="CellRecords.Watched"/>.</summary>
    [FieldOffset(1)] public byte Flags;
}

public static unsafe class CellRecords
{
    /// <summary>The kind of a variable whose cells have held values of several kinds.</summary>
    public const byte Mixed = 0xFF;
    /// <summary>An inner function may find a cell of the variable empty: one was captured (LoadClosure)
    /// while empty, or deleted. Until then a free variable's load needs no unbound test.</summary>
    public const byte MayBeEmpty = 1;
    /// <summary>Machine code relies on the record: widening it bumps the class version.</summary>
    public const byte Watched = 2;

    /// <summary>The record of <paramref name="variable"/>, allocated on first use (never freed: one
    /// per variable of the program). `__class__` cells are filled by the class builder, not by a
    /// store: their record claims nothing.</summary>
    public static CellRecord* For(CellVariable variable)
    {
        if (variable.Record == 0) variable.Record = (nint)NewRecord(claimsNothing: variable.Name == "__class__");
        return (CellRecord*)variable.Record;
    }

    static CellRecord* NewRecord(bool claimsNothing)
    {
        // SAFETY: 8 zeroed bytes owned by their variable (or code) for the rest of the process.
        var record = (CellRecord*)NativeMemory.AllocZeroed((nuint)sizeof(CellRecord));
        if (claimsNothing) { record->Kind = Mixed; record->Flags = MayBeEmpty; }
        return record;
    }

    /// <summary>The records of a code's cell and free slots (CellVars then FreeVars); a code the
    /// compiler gave no variables gets records that claim nothing.</summary>
    public static nint[] Of(CodeObject code)
    {
        int count = code.CellVars.Length + code.FreeVars.Length;
        var records = new nint[count];
        for (int i = 0; i < count; i++)
            records[i] = i < code.DerefVariables.Length
                ? (nint)For(code.DerefVariables[i])
                : (nint)NewRecord(claimsNothing: true);
        return records;
    }

    /// <summary>A store of <paramref name="v"/> into a cell of the variable of <paramref name="record"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoteStore(CellRecord* record, Value v)
    {
        byte kind = Lists.KindOf(v);
        if (record->Kind != kind && record->Kind != Mixed) Widen(record, kind);
    }

    /// <summary>Whether a store of a value of <paramref name="kind"/> (as the lowering knows it;
    /// <see cref="Lists.NoKind"/>: unknown) leaves the record as it is: it already has that kind, or
    /// is mixed. A record only widens, so this stays true: such a store needs no note.</summary>
    public static bool Holds(CellRecord* record, byte kind) =>
        record->Kind == Mixed || (kind != Lists.NoKind && kind == record->Kind);

    static void Widen(CellRecord* record, byte kind)
    {
        if (record->Kind == Lists.NoKind) { record->Kind = kind; return; }
        record->Kind = Mixed;
        Invalidate(record);
    }

    /// <summary>The record of a module's global cell (made by Cells.NewGlobal): kept by every binding
    /// and deletion of the global (ModuleObject.Store and Unbind), read by JIT code as a cell
    /// variable's record is (docs/LBBV.md, "Typed module globals").</summary>
    public static CellRecord* OfGlobal(CellObject* cell) => (CellRecord*)((byte*)cell + Layout.GlobalCellRecord);

    /// <summary>A store of <paramref name="v"/> (Empty: a deletion) into a module's global cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NoteGlobal(CellObject* cell, Value v)
    {
        if (v.IsEmpty) NoteMayBeEmpty(OfGlobal(cell));
        else NoteStore(OfGlobal(cell), v);
    }

    /// <summary>A cell of the variable was captured while empty, or deleted.</summary>
    public static void NoteMayBeEmpty(CellRecord* record)
    {
        if ((record->Flags & MayBeEmpty) != 0) return;
        record->Flags |= MayBeEmpty;
        Invalidate(record);
    }

    /// <summary>Machine code compiled from now on relies on the record: its widening bumps the version.
    /// Set before the code reads the class version it checks.</summary>
    public static void Watch(CellRecord* record) => record->Flags |= Watched;

    static void Invalidate(CellRecord* record)
    {
        if ((record->Flags & Watched) == 0) return;
        record->Flags &= unchecked((byte)~Watched);
        ClassObject.GlobalVersion++;
    }
}
