// A Python value: a tag word beside a full 64-bit payload (Layout.ValuePayload/ValueTag).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

[StructLayout(LayoutKind.Explicit, Size = Layout.ValueSize)]
public readonly struct Value
{
    [FieldOffset(Layout.ValuePayload)] public readonly long Payload;
    [FieldOffset(Layout.ValueTag)] public readonly long TagWord;

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public Value(long payload, Tag tag) { Payload = payload; TagWord = (long)tag; }

    public static readonly Value Empty = default;
    public static readonly Value None = new(0, Tag.None);
    public static readonly Value True = new(1, Tag.Bool);
    public static readonly Value False = new(0, Tag.Bool);

    public Tag Tag { [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)] get => (Tag)(byte)TagWord; }
    public bool IsEmpty => TagWord == 0;
    public bool IsInt => TagWord == (long)Tag.Int;
    public bool IsFloat => TagWord == (long)Tag.Float;
    public bool IsBool => TagWord == (long)Tag.Bool;
    public bool IsNone => TagWord == (long)Tag.None;
    public bool IsObject => TagWord == (long)Tag.Object;

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Value Int(long v) => new(v, Tag.Int);
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Value Float(double d) => new(BitConverter.DoubleToInt64Bits(d), Tag.Float);
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Value Bool(bool b) => new(b ? 1 : 0, Tag.Bool);
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static Value Obj(nint p) => new(p, Tag.Object);

    public long AsInt => Payload;
    public double AsFloat => BitConverter.Int64BitsToDouble(Payload);
    public bool AsBool => Payload != 0;
    public nint Ptr => (nint)Payload;

    /// <summary>The header kind of an object value (only valid when IsObject).</summary>
    public unsafe ObjectKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        // SAFETY: callers check IsObject; object payloads point at live native headers.
        get => ((ObjectHeader*)Payload)->Kind;
    }

    /// <summary>True when this is a heap object of the given kind.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public bool Is(ObjectKind k) => IsObject && Kind == k;

    /// <summary>Identity (the `is` operator).</summary>
    public bool Same(Value o) => Payload == o.Payload && TagWord == o.TagWord;

    public override string ToString() => Tag switch
    {
        Tag.Int => AsInt.ToString(),
        Tag.Float => AsFloat.ToString("R"),
        Tag.Bool => AsBool ? "True" : "False",
        Tag.None => "None",
        Tag.Empty => "<empty>",
        _ => $"<{Kind} 0x{Payload:x}>",
    };
}
