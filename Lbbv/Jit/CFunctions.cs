// C library functions that machine code calls directly (no .NET on the way): the same functions
// the runtime reaches through .NET (Math.Pow is C's pow), so results are bit for bit the same.
using System.Runtime.InteropServices;

namespace Lbbv.Jit;

public static class CFunctions
{
    /// <summary>libm's <c>double pow(double, double)</c>.</summary>
    public static nint Pow { get; } = NativeLibrary.GetExport(NativeLibrary.Load("libm.so.6"), "pow");
}
