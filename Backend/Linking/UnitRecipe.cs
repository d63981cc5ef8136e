using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Linking;

/// <summary>
/// What a published unit was made of: its stencils with their operands, where its labels were
/// bound and where it leaves through indirect slots. Kept in <c>--link reemit</c> mode, so that the
/// unit can be emitted again as fresh code with direct jumps (<see cref="UnitReemitter"/>); the
/// published bytes themselves never change.
/// </summary>
public sealed class UnitRecipe
{
    private readonly PendingStencil[] _stencils;
    private readonly Operand[] _operands;
    private readonly int[] _labelStencils;

    internal UnitRecipe(PublishedCode code, PendingStencil[] stencils, Operand[] operands, int[] labelStencils,
        LinkSite[] sites, int generation, int group)
    {
        Group = group;
        Code = code;
        _stencils = stencils;
        _operands = operands;
        _labelStencils = labelStencils;
        Sites = sites;
        Generation = generation;
    }

    public PublishedCode Code { get; }
    /// <summary>0 for a unit as a frontend compiled it, n for its n-th re-emission.</summary>
    public int Generation { get; }
    /// <summary>The frontend's group of the unit (<see cref="CodeUnitBuilder.Group"/>).</summary>
    public int Group { get; }
    public IReadOnlyList<LinkSite> Sites { get; }

    /// <summary>The copy that replaced this one, or null while this is the current copy.</summary>
    public UnitRecipe? ReplacedBy { get; private set; }
    public bool IsCurrent => ReplacedBy is null;
    /// <summary>The unit's place among every publication of the code space (stubs included): two
    /// units with consecutive numbers have nothing but alignment padding between them.</summary>
    public long Sequence { get; internal set; }
    /// <summary>A replaced copy proven unreachable and retired (<see cref="CopyCollector"/>).</summary>
    public bool Reclaimed { get; internal set; }
    /// <summary>For a replaced copy: the index in <see cref="ReplacedBy"/> of each of its stencils.</summary>
    private int[]? _stencilMap;

    internal int StencilCount => _stencils.Length;
    /// <summary>The unit's last stencil (a re-emitted region concatenates units, so each must end in
    /// a transfer).</summary>
    public Stencil LastStencil => _stencils[^1].Stencil;
    internal PendingStencil StencilAt(int index) => _stencils[index];
    internal ReadOnlySpan<Operand> OperandsOf(int index) =>
        _operands.AsSpan(_stencils[index].FirstOperand, _stencils[index].Stencil.Parameters.Length);
    internal int LabelCount => _labelStencils.Length;
    /// <summary>The index of the stencil label <paramref name="label"/> is bound before (the stencil
    /// count when bound at the end), or -1 when it was never bound.</summary>
    internal int LabelStencil(int label) => _labelStencils[label];

    /// <summary>The offset in the unit of stencil <paramref name="index"/> (the size for the end).</summary>
    public int OffsetOf(int index) => index < _stencils.Length ? _stencils[index].Offset : Code.Size;

    public bool Contains(nint address) => address >= Code.Start && address < Code.End;

    /// <summary>The stencil whose bytes hold <paramref name="address"/>, or -1.</summary>
    public int StencilContaining(nint address)
    {
        if (!Contains(address)) return -1;
        int offset = (int)(address - Code.Start), lo = 0, hi = _stencils.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_stencils[mid].Offset <= offset) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>A label bound at <paramref name="address"/>, or -1 (a jump into this unit from outside
    /// always targets a label: a version's or a trace's entry).</summary>
    public int LabelAt(nint address)
    {
        if (!Contains(address)) return -1;
        if (_labelsByOffset is null)
        {
            // The first label bound at an offset, as a scan in label order would find.
            _labelsByOffset = [];
            for (int l = 0; l < _labelStencils.Length; l++)
                if (_labelStencils[l] >= 0) _labelsByOffset.TryAdd(OffsetOf(_labelStencils[l]), l);
        }
        return _labelsByOffset.GetValueOrDefault((int)(address - Code.Start), -1);
    }

    /// <summary>Each bound label's offset (built at the first <see cref="LabelAt"/>: a region's copy
    /// asks it for every jump into the region).</summary>
    private Dictionary<int, int>? _labelsByOffset;

    /// <summary>Every address of published code this unit's stencils jump or call to directly: fixed
    /// when the unit is published (its operands), so computed once (the copy collector and the
    /// re-emission regions ask for it at every collection and batch).</summary>
    public IReadOnlyList<(nint Target, bool IsCall)> DirectTargets(Stencil callDirect) =>
        _directTargets ??= [.. FindDirectTargets(callDirect)];

    private (nint Target, bool IsCall)[]? _directTargets;

    private IEnumerable<(nint Target, bool IsCall)> FindDirectTargets(Stencil callDirect)
    {
        for (int s = 0; s < _stencils.Length; s++)
        {
            var stencil = _stencils[s].Stencil;
            var kinds = stencil.ParameterKinds;
            for (int p = 0; p < kinds.Length; p++)
            {
                var operand = _operands[_stencils[s].FirstOperand + p];
                if (kinds[p] == ParameterKind.CodeTarget && operand.Kind == OperandKind.Code)
                    yield return ((nint)operand.Value, stencil == callDirect);
            }
        }
    }

    internal void Replace(UnitRecipe next, int[] stencilMap)
    {
        ReplacedBy = next;
        _stencilMap = stencilMap;
    }

    /// <summary>Where stencil <paramref name="index"/> of this copy is in the current copy: the
    /// current recipe and the stencil's index there.</summary>
    public (UnitRecipe Recipe, int Stencil) Current(int index)
    {
        var recipe = this;
        while (recipe.ReplacedBy is { } next)
        {
            index = recipe._stencilMap![index];
            recipe = next;
        }
        return (recipe, index);
    }
}
