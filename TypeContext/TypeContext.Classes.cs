namespace Lbbv.Types;

// Class entries: "slot s holds an instance of class c" for up to four slots, packed into a third
// word as 16-bit entries (bits 0..4 the slot, bits 5..15 the class id, 1..2047; 0 = no entry),
// sorted by slot, empty entries last, so equal knowledge means equal bits. What a class id names is
// the JIT's business (Lbbv.Jit.Frames.ClassIds); here it is a number. Invariant: a slot has a class
// entry only while its type is not Unknown (With and KeepFirst drop the entry of a slot they change).
public readonly partial struct TypeContext
{
    /// <summary>Slots whose class a context can name.</summary>
    public const int ClassCapacity = 4;

    /// <summary>Largest class id (11 bits).</summary>
    public const int MaxClassId = 2047;

    private const int EntryBits = 16;
    private const int SlotBits = 5;
    private const ulong EntryMask = 0xFFFF;

    /// <summary>The raw class entries (0: none known).</summary>
    public ulong ClassBits => _classes;

    /// <summary>Whether some slot's class is known.</summary>
    public bool HasClasses => _classes != 0;

    /// <summary>The id of the class of <paramref name="slot"/>'s object (0: not known).</summary>
    public int ClassOf(int slot)
    {
        for (ulong rest = _classes; rest != 0; rest >>= EntryBits)
            if (SlotOf(rest) == slot) return ClassIdOf(rest);
        return 0;
    }

    /// <summary>The (slot, class id) pairs, by slot.</summary>
    public IEnumerable<(int Slot, int ClassId)> ClassEntries()
    {
        for (ulong rest = _classes; rest != 0; rest >>= EntryBits) yield return (SlotOf(rest), ClassIdOf(rest));
    }

    /// <summary>This context with <paramref name="slot"/>'s object known to be of class
    /// <paramref name="classId"/> (0: not known). Unchanged when the slot is Unknown or past the
    /// capacity, the id is out of range, or four other slots already have a class (dropping knowledge
    /// is sound).</summary>
    public TypeContext WithClass(int slot, int classId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        if (slot >= Capacity || classId > MaxClassId || classId < 0 || Get(slot) == AbstractType.Unknown) return this;
        ulong kept = ClassesWithout(_classes, slot);
        if (classId == 0) return new TypeContext(_low, _high, kept);
        var entries = new List<ulong>(ClassCapacity);
        for (ulong rest = kept; rest != 0; rest >>= EntryBits) entries.Add(rest & EntryMask);
        if (entries.Count == ClassCapacity) return this;
        entries.Add(Entry(slot, classId));
        entries.Sort((a, b) => ((int)(a & 0x1F)).CompareTo((int)(b & 0x1F)));
        return new TypeContext(_low, _high, Pack(entries));
    }

    /// <summary>The same types, no class known.</summary>
    public TypeContext WithoutClasses() => new(_low, _high);

    /// <summary>The types ANDed with a nibble mask (canonical block entries: dead locals and slots past the
    /// stack cleared); class entries of slots left Unknown go too.</summary>
    public TypeContext Masked(ulong lowMask, ulong highMask)
    {
        var masked = new TypeContext(_low & lowMask, _high & highMask, _classes);
        if (_classes == 0) return masked;
        ulong kept = _classes;
        foreach (var (slot, _) in ClassEntries())
            if (masked.Get(slot) == AbstractType.Unknown) kept = ClassesWithout(kept, slot);
        return new TypeContext(masked._low, masked._high, kept);
    }

    /// <summary>Class entries both contexts have (same slot, same class) whose slot the joined context types.</summary>
    private static ulong JoinClasses(TypeContext a, TypeContext b, TypeContext joined)
    {
        var entries = new List<ulong>(ClassCapacity);
        foreach (var (slot, id) in a.ClassEntries())
            if (b.ClassOf(slot) == id && joined.Get(slot) != AbstractType.Unknown) entries.Add(Entry(slot, id));
        return Pack(entries);
    }

    /// <summary>Cost of using a version that assumes <paramref name="version"/>'s classes for code that
    /// knows <paramref name="incoming"/>'s: -1 when the version assumes a class the incoming code does not
    /// know; else one per class the version gives up.</summary>
    private static int ClassCost(TypeContext version, TypeContext incoming)
    {
        if ((version._classes | incoming._classes) == 0) return 0;
        foreach (var (slot, id) in version.ClassEntries())
            if (incoming.ClassOf(slot) != id) return -1;
        int cost = 0;
        foreach (var (slot, id) in incoming.ClassEntries())
            if (version.ClassOf(slot) != id) cost++;
        return cost;
    }

    private static ulong Pack(List<ulong> entries)
    {
        ulong packed = 0;
        for (int i = entries.Count - 1; i >= 0; i--) packed = packed << EntryBits | entries[i];
        return packed;
    }

    private static ulong ClassesWithout(ulong classes, int slot)
    {
        if (classes == 0) return 0;
        var entries = new List<ulong>(ClassCapacity);
        for (ulong rest = classes; rest != 0; rest >>= EntryBits)
            if (SlotOf(rest) != slot) entries.Add(rest & EntryMask);
        return Pack(entries);
    }

    private static ulong ClassesBelow(ulong classes, int slotCount)
    {
        if (classes == 0) return 0;
        var entries = new List<ulong>(ClassCapacity);
        for (ulong rest = classes; rest != 0; rest >>= EntryBits)
            if (SlotOf(rest) < slotCount) entries.Add(rest & EntryMask);
        return Pack(entries);
    }

    private static ulong Entry(int slot, int classId) => (ulong)(uint)classId << SlotBits | (uint)slot;

    private static int SlotOf(ulong entries) => (int)(entries & 0x1F);

    private static int ClassIdOf(ulong entries) => (int)((entries & EntryMask) >> SlotBits);
}
