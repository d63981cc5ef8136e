using Lbbv.Backend.Stencils;

namespace Lbbv.Jit.Tests;

/// <summary>The stencil data embedded in lbbv at build time is exactly what the builders write now.</summary>
public sealed class PrebuiltStencilDataTests
{
    [Fact]
    public void The_embedded_stencils_equal_a_fresh_build_by_the_builders()
    {
        var assembled = StencilLibrary.For(JitRuntimeLayout.Create());
        Assert.Equal(assembled.Serialize(), PrebuiltStencils.Data());
        Assert.Equal(assembled.RenderGolden(), PrebuiltStencils.Library.RenderGolden());
    }
}
