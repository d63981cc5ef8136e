namespace Lbbv.Backend.Emission;

/// <summary>What an operand supplies; each stencil parameter accepts one or two of these.</summary>
public enum OperandKind : byte
{
    Slot,      // a Value index, for ValueSlot parameters
    Immediate, // for Int8, Int32, Int64 parameters
    Label,     // a label of the unit being emitted, for CodeTarget parameters
    Code,      // an address of published code, for CodeTarget parameters
    DataCell,  // an address in the data region, for DataCell parameters
}

/// <summary>A label inside one emitted unit, the target of rel32 jumps.</summary>
public readonly record struct Label(int Id);

/// <summary>The value given for one stencil parameter, in parameter order.</summary>
public readonly record struct Operand(OperandKind Kind, long Value)
{
    public static Operand Slot(int index) => new(OperandKind.Slot, index);
    public static Operand Imm(long value) => new(OperandKind.Immediate, value);
    public static Operand Imm(ulong value) => new(OperandKind.Immediate, unchecked((long)value));
    public static Operand Imm(double value) => new(OperandKind.Immediate, BitConverter.DoubleToInt64Bits(value));
    public static Operand Pointer(nint address) => new(OperandKind.Immediate, address);
    public static Operand Exit(ExitRecord record) => new(OperandKind.Immediate, unchecked((long)record.Pack()));
    public static Operand To(Label label) => new(OperandKind.Label, label.Id);
    public static Operand Code(nint address) => new(OperandKind.Code, address);
    public static Operand Cell(nint address) => new(OperandKind.DataCell, address);
    public static Operand Cell(IndirectSlot slot) => new(OperandKind.DataCell, slot.Address);
    public static Operand Cell(ExitCounter counter) => new(OperandKind.DataCell, counter.Address);

    public static implicit operator Operand(Label label) => To(label);
    public static implicit operator Operand(IndirectSlot slot) => Cell(slot);
    public static implicit operator Operand(ExitCounter counter) => Cell(counter);
    public static implicit operator Operand(ExitRecord record) => Exit(record);
}
