namespace Lbbv.Types;

// The updates the LBBV compiler makes while it walks a block: joins, guards, pushes and pops,
// and reading a context off a live frame.
public readonly partial struct TypeContext
{
    /// <summary>Slot-wise least upper bound: a context every value of either satisfies (the
    /// fallback when a block has too many versions).</summary>
    public static TypeContext Join(TypeContext a, TypeContext b)
    {
        if (a == b) return a;
        var result = Generic;
        for (int slot = 0; slot < Capacity; slot++)
        {
            var joined = a.Get(slot).Join(b.Get(slot));
            if (joined != AbstractType.Unknown) result = result.With(slot, joined);
        }
        return new TypeContext(result._low, result._high, JoinClasses(a, b, result));
    }

    /// <summary>The context after a guard proved <paramref name="slot"/> holds a <paramref name="type"/>:
    /// the slot gets the more precise of its old type and <paramref name="type"/>. Throws when the
    /// two share no value (the guard could never pass; check with <see cref="TryUpgrade"/>).</summary>
    public TypeContext Upgrade(int slot, AbstractType type) =>
        TryUpgrade(slot, type, out var upgraded)
            ? upgraded
            : throw new InvalidOperationException($"slot {slot} is {Get(slot)}; a guard for {type} can never pass");

    /// <summary>As <see cref="Upgrade"/>; false (and this context) when the guard can never pass.</summary>
    public bool TryUpgrade(int slot, AbstractType type, out TypeContext upgraded)
    {
        if (!Get(slot).TryMeet(type, out var meet))
        {
            upgraded = this;
            return false;
        }
        upgraded = With(slot, meet);
        return true;
    }

    /// <summary>Pushes <paramref name="type"/> onto a stack of depth <paramref name="depth"/>; the new depth is depth + 1.</summary>
    public TypeContext Push(SlotLayout layout, int depth, AbstractType type) => With(layout.Stack(depth), type);

    /// <summary>Pops the top of a stack of depth <paramref name="depth"/> (new depth is depth - 1),
    /// returning its type; the freed slot becomes Unknown to keep the context canonical.</summary>
    public TypeContext Pop(SlotLayout layout, int depth, out AbstractType top)
    {
        int slot = layout.FromTop(depth);
        top = Get(slot);
        return With(slot, AbstractType.Unknown);
    }

    /// <summary>The type of the entry <paramref name="fromTop"/> below the top of a stack of depth <paramref name="depth"/>.</summary>
    public AbstractType Peek(SlotLayout layout, int depth, int fromTop = 0) => Get(layout.FromTop(depth, fromTop));

    /// <summary>Replaces the entry <paramref name="fromTop"/> below the top (for in-place ops such as a type guard on an operand).</summary>
    public TypeContext WithStack(SlotLayout layout, int depth, int fromTop, AbstractType type) =>
        With(layout.FromTop(depth, fromTop), type);

    /// <summary>The most precise context of a live frame: <paramref name="tags"/>[s] is slot s's tag and
    /// <paramref name="objectKinds"/>[s] its header kind (read only where the tag is Object).
    /// Slots past the capacity are ignored.</summary>
    public static TypeContext FromTags(ReadOnlySpan<byte> tags, ReadOnlySpan<byte> objectKinds)
    {
        if (tags.Length != objectKinds.Length)
            throw new ArgumentException($"{tags.Length} tags but {objectKinds.Length} object kinds", nameof(objectKinds));
        var context = Generic;
        int count = Math.Min(tags.Length, Capacity);
        for (int slot = 0; slot < count; slot++)
            context = context.With(slot, TagMapping.FromTag(tags[slot], objectKinds[slot]));
        return context;
    }
}
