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

/// <summary>Takes every stencil from prebuilt data, in the order the builders ask for them (the
/// order <see cref="StencilLibrary.Serialize"/> wrote them: the families run the same code), each
/// checked by name and kind; the builders' bodies never run. No name lookup: start-up builds about
/// 600 stencils, and hashing their names cost more than comparing each with the next one.</summary>
internal sealed class PrebuiltStencilSource(IReadOnlyList<Stencil> stencils) : StencilSource
{
    private int _next;

    public override Stencil Get(string name, StencilKind kind, Action<StencilBuilder> body)
    {
        if (_next >= stencils.Count) throw Stale($"has no {kind} stencil {name}");
        var stencil = stencils[_next++];
        if (stencil.Name != name || stencil.Kind != kind)
            throw Stale($"has {stencil.Kind} stencil {stencil.Name} where the builders make {kind} stencil {name}");
        return stencil;
    }

    /// <summary>Throws if the data holds a stencil that no builder asked for.</summary>
    public void CheckAllTaken()
    {
        if (_next < stencils.Count)
            throw Stale($"holds stencils no builder makes: {string.Join(", ", stencils.Skip(_next).Select(s => s.Name))}");
    }

    internal static InvalidOperationException Stale(string what) =>
        new($"the prebuilt stencil data {what}; it is out of date with the builders (rebuild Lbbv)");
}
