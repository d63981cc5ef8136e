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
            if (ClassOf(slot) is not 0 and var id) text.Append("<#").Append(id).Append('>');
        }
        return text.Append(']').ToString();
    }

    /// <summary>
    /// Readable form at a block entry, e.g. <c>[i:Int x:Float | s0:List s1:Unknown]</c>: the locals
    /// whose type is known (named by <paramref name="localNames"/>, else <c>l0</c>, <c>l1</c>, ...),
    /// then, after <c>|</c>, every stack entry from the bottom (<c>s0</c>) up to <paramref name="stackDepth"/>.
    /// A known class follows its slot's type: <c>node:Instance&lt;Node&gt;</c> (named by
    /// <paramref name="className"/>, else <c>#id</c>).
    /// </summary>
    public string ToString(SlotLayout layout, int stackDepth, IReadOnlyList<string>? localNames = null,
        Func<int, string>? className = null)
    {
        var self = this;
        string Class(int slot) =>
            self.ClassOf(slot) is not 0 and var id ? $"<{className?.Invoke(id) ?? "#" + id}>" : "";
        ArgumentOutOfRangeException.ThrowIfNegative(stackDepth);
        var text = new StringBuilder("[");
        for (int local = 0; local < layout.LocalCount; local++)
        {
            var type = Get(layout.Local(local));
            if (type == AbstractType.Unknown) continue;
            if (text.Length > 1) text.Append(' ');
            string name = localNames is not null && local < localNames.Count ? localNames[local] : $"l{local}";
            text.Append(name).Append(':').Append(type).Append(Class(layout.Local(local)));
        }
        if (stackDepth > 0)
        {
            text.Append(text.Length > 1 ? " |" : "|");
            for (int entry = 0; entry < stackDepth; entry++)
                text.Append(" s").Append(entry).Append(':').Append(Get(layout.Stack(entry)))
                    .Append(Class(layout.Stack(entry)));
        }
        return text.Append(']').ToString();
    }
}
