namespace Lbbv.Jit.Tests;

/// <summary>Reads `--dump-asm` listings of programs compiled at first execution.</summary>
internal static class Listings
{
    public static string Of(string source, bool inlineLeafCalls = true)
    {
        var options = JitRun.Eager() with { KeepListings = true, InlineLeafCalls = inlineLeafCalls };
        using var run = new JitRun(source, options);
        Assert.Equal(0, run.Status);
        return run.Tier.Backend.DisassembleAll();
    }

    /// <summary>The stencils of a version's hot code: from its header line in the listing to the
    /// next version, or to the unit's shared return (after which the out-of-line paths follow).</summary>
    public static string[] HotStencils(string listing, string codeAndOffset) =>
        [.. listing.Split('\n')
            .SkipWhile(l => !(l.StartsWith("; version") && l.Contains($" of {codeAndOffset} ")))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("; version") && l != ";   Control.ReturnStatus" && l.Length > 0)
            .Where(l => l.StartsWith(";   ") && !l.StartsWith(";   @"))
            .Select(l => l[4..].Trim())];
}
