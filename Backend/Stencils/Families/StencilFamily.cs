using Lbbv.Backend.Layout;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>A group of related stencils built together from one runtime layout.</summary>
public abstract class StencilFamily
{
    private readonly List<Stencil> _all = [];

    private protected StencilFamily(RuntimeLayout layout) => Layout = layout;

    private protected RuntimeLayout Layout { get; }

    /// <summary>Every stencil of the family, in definition order.</summary>
    public IReadOnlyList<Stencil> All => _all;

    private protected Stencil Build(string name, StencilKind kind, Action<StencilBuilder> body)
    {
        var builder = new StencilBuilder(name, kind);
        body(builder);
        var stencil = builder.Build();
        _all.Add(stencil);
        return stencil;
    }

    private protected Stencil[] ForEachComparison(Func<Comparison, Stencil> build) =>
        [.. Enum.GetValues<Comparison>().Select(build)];
}
