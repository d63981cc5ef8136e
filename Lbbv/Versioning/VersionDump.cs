namespace Lbbv.Versioning;

/// <summary>`--dump-versions`: every block's versions with their contexts and execution counts.</summary>
public static class VersionDump
{
    public static void Write(LbbvTier tier, TextWriter output)
    {
        output.WriteLine("lbbv versions:");
        foreach (var cv in tier.Codes)
        {
            if (!cv.Blocks.Any()) continue;
            output.WriteLine($"code {cv.Code.Code.QualName} ({cv.Code.Code.FileName}:{cv.Code.Code.FirstLine})");
            foreach (var (offset, versions) in cv.Blocks)
            {
                if (versions.Count == 0) continue;
                output.WriteLine($"  block @{offset} (line {cv.Code.LineOf(offset)}): {versions.Count} version(s)");
                int depth = cv.Shape.DepthAt(offset);
                foreach (var v in versions) WriteVersion(tier, cv, v, depth, output);
            }
            // Versions pruned when a class or a global changed: their counts are part of the run's too.
            foreach (var v in cv.Pruned)
            {
                output.WriteLine($"  pruned block @{v.Offset} (line {cv.Code.LineOf(v.Offset)}):");
                WriteVersion(tier, cv, v, cv.Shape.DepthAt(v.Offset), output);
            }
        }
    }

    private static void WriteVersion(LbbvTier tier, CodeVersions cv, BlockVersion v, int depth, TextWriter output)
    {
        string count = v.EntryCounter is { } c ? tier.Backend.Read(c).ToString() : "?";
        string tests = v.TypeTestCounter is { } t ? tier.Backend.Read(t).ToString() : "?";
        output.WriteLine($"    v{v.Id}{(v.IsGeneric ? " generic" : "")} {v.Context.ToString(cv.Layout, depth, cv.Code.Code.VarNames)} executed {count}, {v.CodeBytes} bytes, {v.GuardsEmitted} guards ({tests} type tests run), at 0x{v.Address:x} in {v.UnitName}");
        if (v.Iterators != 0)
            output.WriteLine($"      iterators proven: {Jit.Lowering.ProvenIterators.Describe(v.Iterators)}");
        if (v.Tally.TypedContinuations.Count > 0)
            output.WriteLine($"      calls returning typed: {string.Join(' ', v.Tally.TypedContinuations)}");
        if (v.Tally.ListKindGuards.Count > 0)
            output.WriteLine($"      list element kind guards: {string.Join(' ', v.Tally.ListKindGuards)}");
        if (v.Tally.TupleKindGuards.Count > 0)
            output.WriteLine($"      tuple element kind guards: {string.Join(' ', v.Tally.TupleKindGuards)}");
        if (v.Tally.TypeTestSites.Count > 0)
            output.WriteLine($"      type tests at: {string.Join(' ', v.Tally.TypeTestSites)}");
        if (v.Tally.TypedDerefLoads.Count > 0)
            output.WriteLine($"      cell loads typed: {string.Join(' ', v.Tally.TypedDerefLoads)}");
        if (v.Tally.IntegerGuards.Count > 0)
            output.WriteLine($"      int-or-big-int guards: {string.Join(' ', v.Tally.IntegerGuards)}");
    }
}
