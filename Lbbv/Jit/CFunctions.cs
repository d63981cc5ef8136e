// C library functions that machine code calls directly (no .NET on the way): the same functions
// the runtime reaches through .NET (Math.Pow is C's pow), so results are bit for bit the same.
using System.Runtime.InteropServices;

namespace Lbbv.Jit;

public static class CFunctions
{
    private static readonly nint Libm = NativeLibrary.Load("libm.so.6");
    private static readonly Dictionary<string, nint> Exports = [];

    /// <summary>libm's <c>double pow(double, double)</c>.</summary>
    public static nint Pow { get; } = NativeLibrary.GetExport(Libm, "pow");

    /// <summary>libm's <c>double name(double)</c> (sin, sqrt, ...).</summary>
    public static nint Unary(string name)
    {
        lock (Exports)
        {
            if (!Exports.TryGetValue(name, out var address)) Exports[name] = address = NativeLibrary.GetExport(Libm, name);
            return address;
        }
    }
}
