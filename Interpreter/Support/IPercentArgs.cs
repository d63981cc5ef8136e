using System.Numerics;

namespace Lbbv.Support;

/// <summary>
/// The right operand of <c>str % args</c>, supplied by the runtime. Arguments are named by integer
/// handles: positional arguments are 0..Count-1 (a single non-tuple operand is handle 0 with
/// Count 1); <see cref="GetItem"/> returns further handles of the runtime's choosing.
/// </summary>
public interface IPercentArgs
{
    /// <summary>Number of positional arguments (tuple length, or 1 for a single non-tuple operand).</summary>
    int Count { get; }

    /// <summary>True when the operand is a mapping (not a tuple or str): enables %(key)s and
    /// suppresses "not all arguments converted".</summary>
    bool IsMapping { get; }

    /// <summary>mapping[key] as a handle; throws the runtime's KeyError when missing.</summary>
    int GetItem(string key);

    /// <summary>str(arg).</summary>
    string Str(int handle);
    /// <summary>repr(arg).</summary>
    string Repr(int handle);
    /// <summary>ascii(arg).</summary>
    string Ascii(int handle);
    /// <summary>type(arg).__name__, for error messages.</summary>
    string TypeName(int handle);

    /// <summary>The value when the argument is an exact integer (int, bool, __index__); false otherwise.</summary>
    bool TryGetInteger(int handle, out BigInteger value);

    /// <summary>The value when the argument is a real number (float, int, bool, __float__); false otherwise.</summary>
    bool TryGetDouble(int handle, out double value);

    /// <summary>The value when the argument is a str; false otherwise.</summary>
    bool TryGetString(int handle, out string value);
}
