using System.Text;

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

    /// <summary>Called once the family has asked for all its stencils.</summary>
    public virtual void CheckAllTaken()
    {
    }
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

/// <summary>Takes one family's stencils from prebuilt data (<see cref="StencilData"/>), in the order the
/// family's builders ask for them (the order <see cref="StencilLibrary.Serialize"/> wrote them: the
/// builders run the same code), each checked by name and kind; the builders' bodies never run. A
/// stencil is only its name, kind and place in the data until it is first used. No name lookup:
/// comparing each name with the next record's bytes costs less than hashing it.</summary>
internal sealed class PrebuiltStencilSource(StencilBytes data, StencilData.FamilyRange family) : StencilSource
{
    private int _position = family.Start;

    public override Stencil Get(string name, StencilKind kind, Action<StencilBuilder> body)
    {
        if (_position >= family.End) throw Stale($"has no {kind} stencil {name}");
        var record = new StencilDataReader(data(), _position);
        var storedName = record.ReadStringBytes();
        var storedKind = (StencilKind)record.ReadByte();
        int length = record.ReadInt32();
        if (storedKind != kind || !Ascii.Equals(storedName, name))
            throw Stale($"has {storedKind} stencil {Encoding.UTF8.GetString(storedName)} "
                + $"where the builders make {kind} stencil {name}");
        _position = record.Position + length;
        return new Stencil(name, kind, data, record.Position);
    }

    /// <summary>Throws if the family's data holds a stencil that no builder asked for.</summary>
    public override void CheckAllTaken()
    {
        if (_position >= family.End) return;
        var left = new List<string>();
        for (var record = new StencilDataReader(data(), _position); record.Position < family.End;)
        {
            left.Add(record.ReadString());
            record.ReadByte();
            record.ReadBytes(record.ReadInt32());
        }
        throw Stale($"holds stencils no builder makes: {string.Join(", ", left)}");
    }

    internal static InvalidOperationException Stale(string what) =>
        new($"the prebuilt stencil data {what}; it is out of date with the builders (rebuild Lbbv)");
}
