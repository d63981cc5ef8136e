// The 16-byte header at the start of every native heap object (Layout.Header*).
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

[StructLayout(LayoutKind.Explicit, Size = Layout.HeaderSize)]
public struct ObjectHeader
{
    [FieldOffset(Layout.HeaderKind)] public ObjectKind Kind;
    [FieldOffset(Layout.HeaderGcBits)] public byte GcBits;
    /// <summary>Size-class index + 1 of the cell holding the object, or 0 for a large object.</summary>
    [FieldOffset(Layout.HeaderSizeClass)] public ushort SizeClass;
    [FieldOffset(Layout.HeaderHandle)] public int Handle;
    [FieldOffset(Layout.HeaderClass)] public nint Class;

    public const byte MarkBit = 1;
    /// <summary>In a module's global cell: JIT code read its value as a constant (a function, class
    /// or module), behind the class-version check. Whoever rebinds or deletes the global first
    /// bumps the class version and clears the bit (<see cref="ModuleObject.BeforeWrite"/>).</summary>
    public const byte WatchedBit = 2;
    /// <summary>In a module's global cell: it was rebound (stored while bound), or deleted while
    /// watched, or JIT code that stores it was compiled. JIT code reads only a global bound once as a
    /// constant (a function, class or module whatever this bit says): a counter or loop variable at
    /// module level is read through its cell.</summary>
    public const byte RebindBit = 4;
    /// <summary>In a range iterator: made by a `for` loop's own range(...) call for that loop alone (no
    /// other reference can exist), so the loop frees it when it is exhausted (NativeHeap.FreeSmallObject).</summary>
    public const byte LoopOwnedBit = 8;
}
