using Lbbv.Jit;

namespace Lbbv.Versioning;

/// <summary>
/// The counters only the LBBV frontend has (versions, units, chains), and the report of every
/// counter of an LBBV run under the `lbbv_` names (docs/LBBV.md, "Statistics"). The counters every
/// frontend shares are in <see cref="JitStatistics"/>.
/// </summary>
public sealed class LbbvStatistics(LbbvTier tier, JitStatistics jit)
{
    public long VersionsCompiled;
    public long GenericVersions;
    public long UnitsCompiled;
    public long ChainCompiles;
    /// <summary>--link reemit: versions moved into a new copy of their unit (counted once per move).</summary>
    public long VersionsReemitted;

    /// <summary>Every counter of the run in report order; <paramref name="interpreterBytecodes"/> are
    /// those the interpreter ran, for the share run in machine code.</summary>
    public IEnumerable<KeyValuePair<string, long>> Counters(long interpreterBytecodes)
    {
        int cap = tier.Options.MaxVersions;
        var blocks = tier.Codes.SelectMany(c => c.Blocks).Where(b => b.Value.Count > 0).ToList();
        yield return new("lbbv_max_versions", cap);
        yield return new("lbbv_blocks_compiled", blocks.Count);
        yield return new("lbbv_versions_compiled", VersionsCompiled);
        for (int n = 1; n <= Math.Max(cap + 1, 5); n++)
        {
            int count = blocks.Count(b => n <= cap ? b.Value.Count == n : b.Value.Count >= n);
            string label = n <= cap ? $"{n}" : $"{n}_or_more";
            yield return new($"lbbv_blocks_with_{label}_versions", count);
            if (n > cap) break;
        }
        yield return new("lbbv_blocks_at_version_cap", blocks.Count(b => b.Value.Count >= cap));
        yield return new("lbbv_generic_versions", GenericVersions);
        yield return new("lbbv_units_compiled", UnitsCompiled);
        yield return new("lbbv_chain_compiles", ChainCompiles);
        yield return new("lbbv_versions_invalidated", tier.Codes.Sum(c => c.VersionsInvalidated));
        yield return new("lbbv_versions_reemitted", VersionsReemitted);
        foreach (var counter in jit.Counters("lbbv_", interpreterBytecodes)) yield return counter;
    }
}
