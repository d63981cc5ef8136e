using Lbbv.Backend.Emission;

namespace Lbbv.Backend.Linking;

/// <summary>What one re-emission did: the new copy, the copies it replaced and where each of their
/// labels (version or trace entries among them) is now.</summary>
public sealed record Reemission(UnitRecipe Copy, IReadOnlyList<UnitRecipe> Replaced,
    IReadOnlyList<(nint From, nint To)> Moves);

/// <summary>
/// Emits a region of current units again as one fresh unit (<c>--link reemit</c>): every stencil is
/// copied from the units' recipes, in order, with their labels remapped; a link site whose slot is
/// linked becomes a direct <c>Control.Jump</c> or <c>Link.CallDirect</c> to the slot's target (a
/// label of the new unit when the target is in the region); a direct target in a replaced copy is
/// taken from its newest copy. Nothing published is touched: the replaced copies stay valid code.
/// </summary>
internal sealed class UnitReemitter(JitBackend backend)
{
    private readonly CodeUnitBuilder _unit = new(backend, keepsRecipe: true);

    /// <summary>Emits <paramref name="region"/> (current units, each ending in an unconditional
    /// transfer) as one unit. <paramref name="linkedTarget"/> gives a slot's target, or 0 when it is
    /// not linked. False, with nothing changed, when the code space is full.</summary>
    public bool TryReemit(IReadOnlyList<UnitRecipe> region, Func<nint, nint> linkedTarget, CodeMap map,
        out Reemission? result)
    {
        result = null;
        int generation = region.Max(r => r.Generation) + 1;
        string name = region[0].Code.Name.Split('~')[0];
        _unit.Begin($"{name}~{generation}{(region.Count > 1 ? $"+{region.Count - 1}" : "")}", region[0].Group);
        var labels = region.Select(r => Enumerable.Range(0, r.LabelCount)
            .Select(l => r.LabelStencil(l) >= 0 ? _unit.NewLabel() : default).ToArray()).ToArray();
        var maps = new int[region.Count][];
        for (int i = 0; i < region.Count; i++) maps[i] = Copy(i, region, labels, linkedTarget, map);
        _unit.Generation = generation;
        if (!_unit.TryPublish(out var code)) return false;

        var copy = _unit.LastRecipe!;
        var moves = new List<(nint, nint)>();
        for (int i = 0; i < region.Count; i++)
        {
            var r = region[i];
            for (int l = 0; l < r.LabelCount; l++)
            {
                if (r.LabelStencil(l) < 0) continue;
                nint from = r.Code.Start + r.OffsetOf(r.LabelStencil(l));
                nint to = code.Start + _unit.OffsetOf(labels[i][l]);
                if (moves.Count == 0 || moves[^1] != (from, to)) moves.Add((from, to));
                map.Forward(from, to);
            }
            r.Replace(copy, maps[i]);
        }
        result = new Reemission(copy, region, moves);
        return true;
    }

    /// <summary>Copies unit <paramref name="i"/> of the region; returns each old stencil's new index.</summary>
    private int[] Copy(int i, IReadOnlyList<UnitRecipe> region, Label[][] labels, Func<nint, nint> linkedTarget,
        CodeMap map)
    {
        var r = region[i];
        var stencilMap = new int[r.StencilCount];
        var bindAt = new List<int>[r.StencilCount + 1];
        for (int l = 0; l < r.LabelCount; l++)
            if (r.LabelStencil(l) >= 0) (bindAt[r.LabelStencil(l)] ??= []).Add(l);
        var sites = r.Sites.ToDictionary(s => s.Stencil);
        Span<Operand> operands = stackalloc Operand[16];
        for (int k = 0; k < r.StencilCount;)
        {
            bool isSite = sites.TryGetValue(k, out var site);
            nint target = isSite ? linkedTarget(site.Slot) : 0;
            if (target != 0)
            {
                // The whole site (a counted jump is two stencils) becomes one direct jump or call.
                for (int j = k; j < k + site.IndirectStencils; j++)
                {
                    Bind(bindAt[j], labels[i]);
                    stencilMap[j] = _unit.StencilCount;
                }
                var to = TargetOperand(map.CurrentAddress(target), region, labels);
                var s = backend.Stencils;
                _unit.Emit(site.Kind == LinkSiteKind.Call ? s.Link.CallDirect : s.Control.Jump, to);
                k += site.IndirectStencils;
                continue;
            }
            Bind(bindAt[k], labels[i]);
            if (isSite) _unit.RecordSite(site with { Stencil = _unit.StencilCount });
            stencilMap[k] = _unit.StencilCount;
            var source = r.OperandsOf(k);
            var copied = operands[..source.Length];
            for (int p = 0; p < source.Length; p++)
                copied[p] = source[p].Kind switch
                {
                    OperandKind.Label => labels[i][(int)source[p].Value],
                    OperandKind.Code => TargetOperand(map.CurrentAddress((nint)source[p].Value), region, labels),
                    _ => source[p],
                };
            _unit.Emit(r.StencilAt(k).Stencil, copied);
            k++;
        }
        Bind(bindAt[r.StencilCount], labels[i]);
        return stencilMap;
    }

    private void Bind(List<int>? labelIds, Label[] labels)
    {
        if (labelIds is null) return; // most stencils start no label: no empty list for them
        foreach (int l in labelIds) _unit.Bind(labels[l]);
    }

    /// <summary>A label of the new unit when <paramref name="address"/> is a label of the region, else
    /// the address itself (published code, valid as long as the program runs).</summary>
    private static Operand TargetOperand(nint address, IReadOnlyList<UnitRecipe> region, Label[][] labels)
    {
        for (int i = 0; i < region.Count; i++)
        {
            if (!region[i].Contains(address)) continue;
            int label = region[i].LabelAt(address);
            if (label >= 0) return labels[i][label];
        }
        return Operand.Code(address);
    }
}
