using System.Collections.Immutable;

namespace Lbbv.Fuzz.Model;

/// <summary>A statement of a generated program.</summary>
public abstract record Stmt;

/// <summary>A simple statement on one line: a template with expression holes, as <see cref="Expr"/>.</summary>
public sealed record Line(string Template, ImmutableArray<Expr> Kids) : Stmt
{
    public static Line Of(string template, params Expr[] kids) => new(template, [.. kids]);

    public bool Equals(Line? other) =>
        other is not null && Template == other.Template && Kids.SequenceEqual(other.Kids);

    public override int GetHashCode() => HashCode.Combine(Template, Kids.Length);
}

/// <summary>A compound statement: if/elif/else, for, while, try/except/else/finally, def, class.
/// Each clause is a header line and an indented body.</summary>
public sealed record Compound(ImmutableArray<Clause> Clauses) : Stmt
{
    public static Compound Of(params Clause[] clauses) => new([.. clauses]);

    public bool Equals(Compound? other) => other is not null && Clauses.SequenceEqual(other.Clauses);

    public override int GetHashCode() => Clauses.Length;
}

/// <summary>One clause of a compound statement. <paramref name="Optional"/>: the statement is still
/// valid Python without this clause (an else, an elif, one of several excepts), so the shrinker may
/// drop it.</summary>
public sealed record Clause(string Header, ImmutableArray<Expr> Kids, ImmutableArray<Stmt> Body, bool Optional = false)
{
    public static Clause Of(string header, IEnumerable<Stmt> body, params Expr[] kids) =>
        new(header, [.. kids], [.. body]);

    public bool Equals(Clause? other) =>
        other is not null && Header == other.Header && Optional == other.Optional
        && Kids.SequenceEqual(other.Kids) && Body.SequenceEqual(other.Body);

    public override int GetHashCode() => HashCode.Combine(Header, Body.Length);
}

/// <summary>A whole generated program: its top-level statements.</summary>
public sealed record PyProgram(ImmutableArray<Stmt> Body)
{
    public string Render() => Renderer.Render(this);

    public bool Equals(PyProgram? other) => other is not null && Body.SequenceEqual(other.Body);

    public override int GetHashCode() => Body.Length;
}
