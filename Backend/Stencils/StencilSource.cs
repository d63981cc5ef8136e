namespace Lbbv.Backend.Stencils;

/// <summary>
/// Where a stencil family's stencils come from: written now with Iced (<see cref="AssemblingStencilSource"/>)
/// or read from data the builders produced at build time (<see cref="PrebuiltStencilSource"/>). The
/// families run the same code either way; only the body that writes a stencil is skipped when it is
/// prebuilt, so a stencil added to a builder reaches the prebuilt data at the next build.
/// </summary>
internal abstract class StencilSource
{
    /// <summary>The stencil <paramref name="name"/>; <paramref name="body"/> writes it with Iced.</summary>
    public abstract Stencil Get(string name, StencilKind kind, Action<StencilBuilder> body);
}

/// <summary>Writes every stencil with Iced's assembler (the builders, tests, tools).</summary>
internal sealed class AssemblingStencilSource : StencilSource
{
    public override Stencil Get(string name, StencilKind kind, Action<StencilBuilder> body)
    {
        var builder = new StencilBuilder(name, kind);
        body(builder);
        return builder.Build();
    }
}

/// <summary>Takes every stencil from prebuilt data by name; the builders' bodies never run.</summary>
internal sealed class PrebuiltStencilSource(IReadOnlyList<Stencil> stencils) : StencilSource
{
    private readonly Dictionary<string, Stencil> _byName = stencils.ToDictionary(s => s.Name);
    private readonly HashSet<string> _taken = [];

    public override Stencil Get(string name, StencilKind kind, Action<StencilBuilder> body)
    {
        if (!_byName.TryGetValue(name, out var stencil) || stencil.Kind != kind)
            throw Stale($"has no {kind} stencil {name}");
        if (!_taken.Add(name)) throw new InvalidOperationException($"stencil {name} is built twice");
        return stencil;
    }

    /// <summary>Throws if the data holds a stencil that no builder asked for.</summary>
    public void CheckAllTaken()
    {
        var left = _byName.Keys.Where(n => !_taken.Contains(n)).ToList();
        if (left.Count > 0) throw Stale($"holds stencils no builder makes: {string.Join(", ", left)}");
    }

    internal static InvalidOperationException Stale(string what) =>
        new($"the prebuilt stencil data {what}; it is out of date with the builders (rebuild Lbbv)");
}
