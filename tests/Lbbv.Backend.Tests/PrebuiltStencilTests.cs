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
    public void Data_missing_a_stencil_or_holding_one_no_builder_makes_is_refused_when_its_family_is_built()
    {
        var missing = WriteWith("Guards", stencils => [.. stencils.Where(s => s.Name != "Guard.Class")]);
        var library = StencilLibrary.Load(TestLayout.Layout, missing);
        Assert.Contains("Guard.Class", Assert.Throws<InvalidOperationException>(() => library.Guards).Message);
        Assert.Equal("Int.Add", library.Int.Add.Name); // the other families are intact

        var extra = WriteWith("Link", stencils => [.. stencils, Rename(stencils[0], "Old.Gone")]);
        Assert.Contains("Old.Gone", Assert.Throws<InvalidOperationException>(
            () => StencilLibrary.Load(TestLayout.Layout, extra).All).Message);
    }

    [Fact]
    public void Data_with_other_families_is_refused()
    {
        List<(string, IReadOnlyList<Stencil>)> families = [.. Families().Where(f => f.Name != "Cell")];
        var error = Assert.Throws<InvalidOperationException>(
            () => StencilLibrary.Load(TestLayout.Layout, StencilData.Write(TestLayout.Layout.ToString(), families)));
        Assert.Contains("families", error.Message);
    }

    [Fact]
    public void A_loaded_library_builds_a_family_and_decodes_a_stencil_only_when_first_used()
    {
        var loaded = StencilLibrary.Load(TestLayout.Layout, Assembled.Serialize());
        Assert.Equal(0, loaded.BuiltFamilyCount);
        var add = loaded.Int.Add;
        Assert.Equal(1, loaded.BuiltFamilyCount);
        Assert.False(add.IsDecoded);
        Assert.False(loaded.Int.Subtract.IsDecoded);
        Assert.Equal(Assembled.Int.Add.Code.ToArray(), add.CodeArray);
        Assert.True(add.IsDecoded);
        Assert.False(loaded.Int.Subtract.IsDecoded);
    }

    [Fact]
    public void Every_lazily_decoded_stencil_equals_the_assembled_one_field_by_field()
    {
        var loaded = StencilLibrary.Load(TestLayout.Layout, Assembled.Serialize());
        Assert.Equal(Assembled.All.Count, loaded.All.Count);
        for (int i = 0; i < Assembled.All.Count; i++)
        {
            Stencil expected = Assembled.All[i], actual = loaded.All[i];
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.CodeArray, actual.CodeArray);
            Assert.Equal(expected.HoleArray, actual.HoleArray);
            Assert.Equal(expected.Holes.ToArray(), actual.Holes.ToArray());
            Assert.Equal(expected.Parameters.ToArray(), actual.Parameters.ToArray());
            Assert.Equal(expected.ParameterKinds, actual.ParameterKinds);
            Assert.Equal(expected.Disassembly, actual.Disassembly);
            Assert.Equal(expected.PayloadOnly?.Name, actual.PayloadOnly?.Name);
        }
    }

    private static IEnumerable<(string Name, IReadOnlyList<Stencil> Stencils)> Families() => Assembled.StencilsByFamily();

    private static byte[] WriteWith(string family, Func<IReadOnlyList<Stencil>, IReadOnlyList<Stencil>> change) =>
        StencilData.Write(TestLayout.Layout.ToString(),
            [.. Families().Select(f => f.Name == family ? (f.Name, change(f.Stencils)) : f)]);

    private static Stencil Rename(Stencil s, string name) =>
        new(name, s.Kind, s.Code.ToArray(), s.Holes, s.Parameters, s.Disassembly);
}
