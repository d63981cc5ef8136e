using Iced.Intel;
using Lbbv.Backend;
using Lbbv.Backend.Linking;
using Lbbv.Backend.Observability;

namespace Lbbv.Jit.Tests;

/// <summary>What the link-mode tests of both JITs share: the loop they run and what they check of
/// patched code.</summary>
internal static class LinkModeChecks
{
    /// <summary>A loop whose branch flips every iteration. Under LBBV the `else` side is the `if`'s
    /// jump target, compiled later into a unit of its own, reached through a slot every other
    /// iteration and jumping back into the loop's unit; under the tracer it is a side exit whose
    /// bridge jumps back into the trace's body.</summary>
    public const string TwoBlockLoop = """
        def f(n):
            a = 0
            b = 0
            i = 0
            while i < n:
                if i & 1:
                    a += 1
                else:
                    b += 1
                i += 1
            return a, b
        """;

    /// <summary>The loop called once with <paramref name="n"/>, its result printed.</summary>
    public static string CalledOnce(int n) => TwoBlockLoop + $"\nprint(f({n}))\n";

    /// <summary>Every range published during the run (there were several) hashes as it did when it
    /// was published, and no mapping was ever writable and executable.</summary>
    public static void AssertNoPublishedByteChanged(JitBackend backend)
    {
        Assert.True(backend.Space.PublishedRangeCount > 4);
        Assert.Empty(backend.FindModifiedCode());
        Assert.Empty(WxAudit.WritableExecutableMappings());
    }

    /// <summary>
    /// Every patched link site (a site whose slot is linked) decodes as a direct jump or call, at an
    /// aligned address, to the slot's target; only units holding a patched site changed; no mapping
    /// was ever writable and executable. Returns the patched sites.
    /// </summary>
    public static List<(nint Slot, nint Site, LinkSiteKind Kind)> AssertPatchedSitesAreDirect(JitBackend backend)
    {
        var patched = backend.PatchSites.Where(p => backend.LinkedTarget(p.Slot) != 0).ToList();
        Assert.NotEmpty(patched);
        foreach (var (slot, site, kind) in patched)
        {
            var bytes = backend.Space.ReadPublished(site, 8).ToArray();
            var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(bytes), (ulong)site);
            decoder.Decode(out var instruction);
            Assert.Equal(kind == LinkSiteKind.Call ? Mnemonic.Call : Mnemonic.Jmp, instruction.Mnemonic);
            Assert.Equal(OpKind.NearBranch64, instruction.Op0Kind);
            Assert.Equal((ulong)backend.LinkedTarget(slot), instruction.NearBranch64);
            Assert.Equal(0, site % SitePatch.Alignment);
        }
        foreach (var range in backend.FindModifiedCode())
            Assert.Contains(patched, p => p.Site >= range.Start && p.Site < range.Start + range.Size);
        Assert.Empty(WxAudit.WritableExecutableMappings());
        return patched;
    }
}
