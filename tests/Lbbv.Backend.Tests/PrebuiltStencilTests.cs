using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Tests;

/// <summary>
/// Loading a library from the data the builders wrote (what the VM does at start-up) gives the same
/// stencils, and stale data is refused instead of emitting code from it.
/// </summary>
public sealed class PrebuiltStencilTests
{
    private static readonly StencilLibrary Assembled = StencilLibrary.For(TestLayout.Layout);

    [Fact]
    public void A_loaded_library_has_the_assembled_stencils_byte_for_byte()
    {
        byte[] data = Assembled.Serialize();
        var loaded = StencilLibrary.Load(TestLayout.Layout, data);

        Assert.Equal(Assembled.RenderGolden(), loaded.RenderGolden());
        Assert.Equal(data, loaded.Serialize());
        Assert.Equal(Assembled.All.Select(s => s.Holes.Select(h => h.Kind)).SelectMany(k => k),
            loaded.All.Select(s => s.Holes.Select(h => h.Kind)).SelectMany(k => k));
        Assert.Equal("Int.Add.PayloadOnly", loaded.PayloadOnly(loaded.Int.Add)?.Name);
        Assert.Same(loaded.Int.Add, loaded.All.Single(s => s.Name == "Int.Add"));
    }

    [Fact]
    public void Data_written_for_another_layout_is_refused()
    {
        var other = TestLayout.Layout with { InstanceSlots = TestLayout.Layout.InstanceSlots + 8 };
        var error = Assert.Throws<InvalidOperationException>(() => StencilLibrary.Load(other, Assembled.Serialize()));
        Assert.Contains("another runtime layout", error.Message);
    }

    [Fact]
    public void Data_missing_a_stencil_or_holding_one_no_builder_makes_is_refused()
    {
        string layout = TestLayout.Layout.ToString();
        var all = Assembled.All;
        var missing = StencilData.Write(layout, [.. all.Where(s => s.Name != "Guard.Class")]);
        Assert.Contains("Guard.Class", Assert.Throws<InvalidOperationException>(
            () => StencilLibrary.Load(TestLayout.Layout, missing)).Message);

        var extra = StencilData.Write(layout, [.. all, Rename(all[0], "Old.Gone")]);
        Assert.Contains("Old.Gone", Assert.Throws<InvalidOperationException>(
            () => StencilLibrary.Load(TestLayout.Layout, extra)).Message);
    }

    private static Stencil Rename(Stencil s, string name) =>
        new(name, s.Kind, s.Code.ToArray(), s.Holes, s.Parameters, s.Disassembly);
}
