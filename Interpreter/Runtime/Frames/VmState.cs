// The VM state that machine code reaches through r13: the current frame, the frame stack's top
// and limit, the call depth and the value a returning JIT frame leaves behind. It lives in
// native memory so that a JIT-to-JIT call pushes and pops frames without calling into .NET;
// ThreadState and FrameStack read and write these fields.
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

[StructLayout(LayoutKind.Explicit, Size = VmStateLayout.Size)]
public unsafe struct VmState
{
    [FieldOffset(VmStateLayout.Current)] public Frame* Current;
    [FieldOffset(VmStateLayout.FrameTop)] public byte* FrameTop;
    [FieldOffset(VmStateLayout.FrameLimit)] public byte* FrameLimit;
    [FieldOffset(VmStateLayout.Depth)] public int Depth;
    [FieldOffset(VmStateLayout.RecursionLimit)] public int RecursionLimit;
    [FieldOffset(VmStateLayout.Calls)] public long Calls;
    [FieldOffset(VmStateLayout.ClassVersion)] public int ClassVersion;
    [FieldOffset(VmStateLayout.ReturnValue)] public Value ReturnValue;

    /// <summary>The one VM state of the process (one VM runs at a time), allocated once, never freed.</summary>
    public static readonly VmState* P = Allocate();

    static VmState* Allocate()
    {
        // SAFETY: a zeroed native block owned for the whole process; its address never changes.
        var p = (VmState*)NativeMemory.AllocZeroed((nuint)VmStateLayout.Size);
        p->RecursionLimit = 1000;
        return p;
    }
}

/// <summary>Offsets in <see cref="VmState"/> (machine code depends on them).</summary>
public static class VmStateLayout
{
    public const int Current = 0;         // Frame*: the innermost running frame
    public const int FrameTop = 8;        // byte*: the frame stack's first free byte
    public const int FrameLimit = 16;     // byte*: the end of the frame stack
    public const int Depth = 24;          // int32: Python call depth (RecursionError above the limit)
    public const int RecursionLimit = 28; // int32
    public const int Calls = 32;          // int64: Python function calls made (statistics)
    public const int ClassVersion = 40;   // int32: bumped on every class attribute change (ClassObject.GlobalVersion)
    public const int ReturnValue = 48;    // Value: what the last JIT frame returned
    public const int Size = 64;
}
