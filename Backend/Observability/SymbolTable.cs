namespace Lbbv.Backend.Observability;

/// <summary>Names for addresses: helpers, data cells (slots, counters), and published code ranges.</summary>
public sealed class SymbolTable
{
    private readonly Dictionary<nint, string> _exact = [];
    private readonly List<(nint Start, int Size, string Name)> _ranges = []; // in address order: code is appended

    public void Add(nint address, string name) => _exact[address] = name;

    internal void AddRange(nint start, int size, string name) => _ranges.Add((start, size, name));

    /// <summary>The name of an address: exact symbols first, then "unit+offset" inside published code.</summary>
    public string? Resolve(nint address)
    {
        if (_exact.TryGetValue(address, out var name)) return name;
        int lo = 0, hi = _ranges.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var (start, size, rangeName) = _ranges[mid];
            if (address < start) hi = mid - 1;
            else if (address >= start + size) lo = mid + 1;
            else return address == start ? rangeName : $"{rangeName}+0x{address - start:X}";
        }
        return null;
    }
}
