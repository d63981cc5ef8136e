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
        string context = v.Context.ToString(cv.Layout, depth, cv.Code.Code.VarNames, tier.ClassName);
        string generic = v.IsGeneric ? " generic" : "";
        output.WriteLine($"    v{v.Id}{generic} {context} executed {count}, {v.CodeBytes} bytes, "
            + $"{v.GuardsEmitted} guards ({tests} type tests run), at 0x{v.Address:x} in {v.UnitName}");
        if (v.Iterators != 0)
            output.WriteLine($"      iterators proven: {Jit.Lowering.ProvenIterators.Describe(v.Iterators)}");
        WriteSites(output, "calls returning typed", v.Tally.TypedContinuations);
        WriteSites(output, "list element kind guards", v.Tally.ListKindGuards);
        WriteSites(output, "tuple element kind guards", v.Tally.TupleKindGuards);
        WriteSites(output, "for items typed by list kind", v.Tally.TypedIteratorSteps);
        WriteSites(output, "type tests at", v.Tally.TypeTestSites);
        WriteSites(output, "cell loads typed", v.Tally.TypedDerefLoads);
        WriteSites(output, "int-or-big-int guards", v.Tally.IntegerGuards);
        WriteSites(output, "attribute loads typed by class", v.Tally.ClassTypedAttributeLoads);
    }

    /// <summary>One line of a version's sites of a kind (`@offset:slot` ...), none when it has none.</summary>
    private static void WriteSites(TextWriter output, string label, List<string> sites)
    {
        if (sites.Count > 0) output.WriteLine($"      {label}: {string.Join(' ', sites)}");
    }
}
