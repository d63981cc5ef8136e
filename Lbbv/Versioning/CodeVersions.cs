using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

/// <summary>The version table of one code object: every block's versions by start offset.</summary>
public sealed class CodeVersions : IHasCodeShape
{
    private readonly Dictionary<int, List<BlockVersion>> _byOffset = [];

    public CodeVersions(CodeRuntime code)
    {
        Code = code;
        Shape = new CodeShape(code.Code);
        Layout = new SlotLayout(code.SlotCount);
    }

    public CodeRuntime Code { get; }
    public CodeShape Shape { get; }
    public SlotLayout Layout { get; }
    /// <summary>Set when this code is never compiled (generators, class bodies).</summary>
    public bool Unsupported { get; init; }

    public IReadOnlyList<BlockVersion> VersionsAt(int offset) =>
        _byOffset.TryGetValue(offset, out var list) ? list : [];

    public IEnumerable<KeyValuePair<int, List<BlockVersion>>> Blocks => _byOffset.OrderBy(p => p.Key);

    internal void Add(BlockVersion version)
    {
        if (!_byOffset.TryGetValue(version.Offset, out var list)) _byOffset[version.Offset] = list = [];
        list.Add(version);
    }

    internal void Remove(BlockVersion version)
    {
        if (_byOffset.TryGetValue(version.Offset, out var list)) list.Remove(version);
    }

    /// <summary>The context of a block entry: slots past the live stack are Unknown (canonical form).</summary>
    /// <summary>Dead locals (never read again before a store) carry no type, so they never split versions.</summary>
    public TypeContext Canonical(TypeContext context, int offset)
    {
        context = context.KeepFirst(Code.SlotCount + Math.Max(0, Shape.DepthAt(offset)));
        ulong live = Shape.LiveLocalsAt(offset);
        int locals = Math.Min(Code.Code.VarNames.Length, Math.Min(64, TypeContext.Capacity));
        for (int s = 0; s < locals; s++)
            if ((live & (1UL << s)) == 0) context = context.With(s, AbstractType.Unknown);
        return context;
    }
}
