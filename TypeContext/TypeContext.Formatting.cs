using System.Text;

namespace Lbbv.Types;

public readonly partial struct TypeContext
{
    /// <summary>Known slots by index, e.g. <c>[0:Int 3:List]</c>; <c>[]</c> when generic.
    /// Use <see cref="ToString(SlotLayout, int, IReadOnlyList{string}?)"/> to name locals and stack slots.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (int slot = 0; slot < Capacity; slot++)
        {
            var type = Get(slot);
            if (type == AbstractType.Unknown) continue;
            if (text.Length > 1) text.Append(' ');
            text.Append(slot).Append(':').Append(type);
        }
        return text.Append(']').ToString();
    }

    /// <summary>
    /// Readable form at a block entry, e.g. <c>[i:Int x:Float | s0:List s1:Unknown]</c>: the locals
    /// whose type is known (named by <paramref name="localNames"/>, else <c>l0</c>, <c>l1</c>, ...),
    /// then, after <c>|</c>, every stack entry from the bottom (<c>s0</c>) up to <paramref name="stackDepth"/>.
    /// </summary>
    public string ToString(SlotLayout layout, int stackDepth, IReadOnlyList<string>? localNames = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stackDepth);
        var text = new StringBuilder("[");
        for (int local = 0; local < layout.LocalCount; local++)
        {
            var type = Get(layout.Local(local));
            if (type == AbstractType.Unknown) continue;
            if (text.Length > 1) text.Append(' ');
            string name = localNames is not null && local < localNames.Count ? localNames[local] : $"l{local}";
            text.Append(name).Append(':').Append(type);
        }
        if (stackDepth > 0)
        {
            text.Append(text.Length > 1 ? " |" : "|");
            for (int entry = 0; entry < stackDepth; entry++)
                text.Append(" s").Append(entry).Append(':').Append(Get(layout.Stack(entry)));
        }
        return text.Append(']').ToString();
    }
}
