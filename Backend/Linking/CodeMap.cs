namespace Lbbv.Backend.Linking;

/// <summary>
/// The units a frontend published in <c>--link reemit</c> mode, by address: their recipes (current
/// copies and the copies they replaced), where an address of a replaced copy now is, and the link
/// sites of every slot.
/// </summary>
public sealed class CodeMap
{
    // Units are published at increasing addresses, so appending keeps the list sorted by start.
    private readonly List<UnitRecipe> _recipes = [];
    private readonly Dictionary<nint, nint> _forward = [];
    private readonly Dictionary<nint, List<(UnitRecipe Recipe, LinkSite Site)>> _sitesBySlot = [];

    public IReadOnlyList<UnitRecipe> All => _recipes;
    public IEnumerable<UnitRecipe> Current => _recipes.Where(r => r.IsCurrent);

    internal void Add(UnitRecipe recipe)
    {
        if (_recipes.Count > 0 && _recipes[^1].Code.Start >= recipe.Code.Start)
            throw new InvalidOperationException("units are recorded in publication order");
        _recipes.Add(recipe);
        foreach (var site in recipe.Sites)
        {
            if (!_sitesBySlot.TryGetValue(site.Slot, out var list)) _sitesBySlot[site.Slot] = list = [];
            list.Add((recipe, site));
        }
    }

    /// <summary>The unit (any copy) whose bytes hold <paramref name="address"/>, or null.</summary>
    public UnitRecipe? Containing(nint address)
    {
        int lo = 0, hi = _recipes.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var r = _recipes[mid];
            if (address < r.Code.Start) hi = mid - 1;
            else if (address >= r.Code.End) lo = mid + 1;
            else return r;
        }
        return null;
    }

    /// <summary>Where the code at <paramref name="address"/> is now: the same address unless its unit
    /// was emitted again (then the same label's address in the newest copy).</summary>
    public nint CurrentAddress(nint address)
    {
        while (_forward.TryGetValue(address, out var next)) address = next;
        return address;
    }

    internal void Forward(nint from, nint to)
    {
        if (from != to) _forward[from] = to;
    }

    /// <summary>Every place (in any copy of any unit) that leaves through the slot at
    /// <paramref name="slot"/>.</summary>
    public IReadOnlyList<(UnitRecipe Recipe, LinkSite Site)> SitesOf(nint slot) =>
        _sitesBySlot.TryGetValue(slot, out var list) ? list : [];
}
