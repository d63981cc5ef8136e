// The stencil library for the runtime's one layout, from the data the builders wrote at build time
// (tools/StencilGen, run by the GenerateStencilData target in Lbbv.Jit.csproj, writes it as the C#
// file PrebuiltStencils.g.cs of the intermediate folder): a process loads it without running Iced's
// assembler, and without a resource lookup (reflection: about 0.5M instructions of a short script).
using Lbbv.Backend.Stencils;

namespace Lbbv.Jit;

public static partial class PrebuiltStencils
{
    private static readonly Lazy<StencilLibrary> Cached =
        new(() => StencilLibrary.Load(JitRuntimeLayout.Create(), static () => Embedded));

    /// <summary>The library, read once per process.</summary>
    public static StencilLibrary Library => Cached.Value;

    /// <summary>A copy of the data, as <see cref="StencilLibrary.Serialize"/> wrote them (the library reads
    /// them in place).</summary>
    public static byte[] Data() => Embedded.ToArray();
}
