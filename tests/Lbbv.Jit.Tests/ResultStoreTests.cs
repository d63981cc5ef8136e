namespace Lbbv.Jit.Tests;

/// <summary>What the machine code of a simple int loop is made of: constants taken as immediates,
/// results written straight into their locals (payload only, the local's tag already right), and
/// Values copied as two qwords (no 16-byte load that store forwarding cannot serve).</summary>
[Collection("vm")]
public sealed class ResultStoreTests
{
    private const string Loop = """
        def f(n):
            i = 0
            j = n
            while i < j:
                i = i + 1
                j -= 1
            return i
        print(f(1000))
        """;

    [Fact]
    public void Int_updates_of_typed_locals_write_only_the_payload_into_the_local()
    {
        // Locals the register cache does not keep (here: none kept, CachedLocalsTests has them kept).
        using var run = new JitRun(Loop, JitRun.Eager() with { KeepListings = true, LoopRegisters = false });
        string listing = run.Tier.Backend.DisassembleAll();
        string[] loop = [.. Listings.HotStencils(listing, "f @4"), .. Listings.HotStencils(listing, "f @8")];
        Assert.Contains("Int.AddConstant.PayloadOnly", loop);
        Assert.Contains("Int.SubtractConstant.PayloadOnly", loop);
        Assert.Contains(loop, s => s.StartsWith("Compare.IntBranch."));
        // Neither the constants nor the results go through stack slots.
        Assert.DoesNotContain("Frame.StoreSmallInt", loop);
        Assert.DoesNotContain("Frame.Move", loop);
    }

    [Fact]
    public void No_stencil_loads_a_whole_Value_in_one_16_byte_move()
    {
        string listing = Listings.Of(Loop);
        // Loads only: a frame push clears two header words with one 16-byte store (movups [...], xmm0).
        Assert.DoesNotContain("movups xmm", listing);
        Assert.DoesNotContain("movdqu xmm", listing);
    }
}
