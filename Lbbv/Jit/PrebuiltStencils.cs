// The stencil library for the runtime's one layout, from the data the builders wrote at build time
// (tools/StencilGen, run by the GenerateStencilData target in Lbbv.Jit.csproj): a process loads it
// without running Iced's assembler.
using Lbbv.Backend.Stencils;

namespace Lbbv.Jit;

public static class PrebuiltStencils
{
    /// <summary>The manifest resource name of the data (set in Lbbv.Jit.csproj).</summary>
    public const string ResourceName = "Lbbv.Stencils.bin";

    private static readonly Lazy<StencilLibrary> Cached = new(() => StencilLibrary.Load(JitRuntimeLayout.Create(), Data()));

    /// <summary>The library, read once per process.</summary>
    public static StencilLibrary Library => Cached.Value;

    /// <summary>The embedded bytes, as <see cref="StencilLibrary.Serialize"/> wrote them.</summary>
    public static byte[] Data()
    {
        using var stream = typeof(PrebuiltStencils).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"lbbv was built without its stencil data ({ResourceName})");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return data;
    }
}
