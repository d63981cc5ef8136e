using System.Collections.Immutable;

namespace Lbbv.Fuzz.Model;

/// <summary>An expression of a generated program: a template of Python source whose holes `{0}`,
/// `{1}`, ... are filled by the rendered sub-expressions. A leaf (no sub-expressions) is its text.
/// Composite templates parenthesize themselves where Python's precedence needs it, so any
/// sub-expression can be replaced by any other expression and the program still parses: that is
/// what lets the shrinker simplify expressions without knowing what they mean.</summary>
public sealed record Expr(string Template, ImmutableArray<Expr> Kids)
{
    public static Expr Leaf(string text) => new(text, []);

    public static Expr Of(string template, params Expr[] kids) => new(template, [.. kids]);

    public bool IsLeaf => Kids.IsEmpty;

    /// <summary>The value of an integer literal leaf (so the shrinker can make it smaller).</summary>
    public bool TryGetInt(out long value)
    {
        value = 0;
        if (!IsLeaf) return false;
        string t = Template.StartsWith("(-", StringComparison.Ordinal) && Template.EndsWith(')')
            ? Template[1..^1] : Template;
        return long.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public int Size => 1 + Kids.Sum(k => k.Size);

    public bool Equals(Expr? other) =>
        other is not null && Template == other.Template && Kids.SequenceEqual(other.Kids);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Template);
        foreach (var k in Kids) hash.Add(k);
        return hash.ToHashCode();
    }
}
