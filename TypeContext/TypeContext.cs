namespace Lbbv.Types;

/// <summary>
/// The abstract type of every local and operand-stack slot at a block entry (slot numbering: see
/// <see cref="SlotLayout"/>), packed 4 bits per slot into two ulongs: slot s lives in bits
/// 4*(s%16) .. 4*(s%16)+3 of <c>Low</c> (s &lt; 16) or <c>High</c> (16 &lt;= s &lt; 32).
/// Slots at or past <see cref="Capacity"/> read as Unknown and writes to them are dropped, which
/// is always sound (it only loses precision). Immutable: every update returns a new context.
/// Canonical form: slots above the live stack are Unknown, so equal knowledge means equal bits.
/// </summary>
public readonly partial struct TypeContext : IEquatable<TypeContext>
{
    /// <summary>Number of slots that carry a type.</summary>
    public const int Capacity = 32;

    private const int SlotsPerWord = 16;
    private const int BitsPerSlot = 4;
    private const ulong SlotMask = 0xF;

    private readonly ulong _low;
    private readonly ulong _high;
    private readonly ulong _classes; // class entries (TypeContext.Classes.cs); 0 when none

    private TypeContext(ulong low, ulong high, ulong classes = 0)
    {
        _low = low;
        _high = high;
        _classes = classes;
    }

    /// <summary>Every slot Unknown: the context of the generic version of a block. Equals default.</summary>
    public static TypeContext Generic => default;

    /// <summary>Packed slots 0..15 (the raw encoding; see <see cref="FromBits"/>).</summary>
    public ulong Low => _low;

    /// <summary>Packed slots 16..31.</summary>
    public ulong High => _high;

    /// <summary>Rebuilds a context from its raw words. Every bit pattern is a valid context.</summary>
    public static TypeContext FromBits(ulong low, ulong high) => new(low, high);

    /// <summary>True when every slot is Unknown (and so no class is known).</summary>
    public bool IsGeneric => (_low | _high | _classes) == 0;

    /// <summary>Number of slots whose type is not Unknown.</summary>
    public int KnownSlotCount
    {
        get
        {
            int count = 0;
            for (int slot = 0; slot < Capacity; slot++)
                if (Get(slot) != AbstractType.Unknown) count++;
            return count;
        }
    }

    /// <summary>The type of <paramref name="slot"/>; Unknown past the capacity.</summary>
    public AbstractType Get(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        if (slot >= Capacity) return AbstractType.Unknown;
        ulong word = slot < SlotsPerWord ? _low : _high;
        return (AbstractType)((word >> Shift(slot)) & SlotMask);
    }

    /// <summary>This context with <paramref name="slot"/> set to <paramref name="type"/>; unchanged past the
    /// capacity. The slot's class entry, if any, is dropped (the slot may now hold another value).</summary>
    public TypeContext With(int slot, AbstractType type)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        if (slot >= Capacity) return this;
        int shift = Shift(slot);
        ulong bits = ((ulong)type & SlotMask) << shift;
        ulong clear = ~(SlotMask << shift);
        ulong classes = ClassesWithout(_classes, slot);
        return slot < SlotsPerWord
            ? new TypeContext((_low & clear) | bits, _high, classes)
            : new TypeContext(_low, (_high & clear) | bits, classes);
    }

    /// <summary>This context with every slot from <paramref name="slotCount"/> on set to Unknown
    /// (for example to forget dead stack slots above a block's entry depth).</summary>
    public TypeContext KeepFirst(int slotCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slotCount);
        if (slotCount >= Capacity) return this;
        ulong classes = ClassesBelow(_classes, slotCount);
        if (slotCount >= SlotsPerWord)
            return new TypeContext(_low, _high & LowNibbles(slotCount - SlotsPerWord), classes);
        return new TypeContext(_low & LowNibbles(slotCount), 0, classes);
    }

    public bool Equals(TypeContext other) => _low == other._low && _high == other._high && _classes == other._classes;
    public override bool Equals(object? obj) => obj is TypeContext other && Equals(other);
    // ulong.GetHashCode folds the upper half onto the lower (slot 1 and slot 9 would collide),
    // so hash the four 32-bit halves separately.
    public override int GetHashCode() =>
        HashCode.Combine((uint)_low, (uint)(_low >> 32), (uint)_high, (uint)(_high >> 32), _classes);
    public static bool operator ==(TypeContext left, TypeContext right) => left.Equals(right);
    public static bool operator !=(TypeContext left, TypeContext right) => !left.Equals(right);

    private static int Shift(int slot) => (slot % SlotsPerWord) * BitsPerSlot;

    // Mask keeping the first n (0..15) nibbles of a word.
    private static ulong LowNibbles(int n) => n == 0 ? 0 : ulong.MaxValue >> (64 - n * BitsPerSlot);
}
