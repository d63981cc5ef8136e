// The interpreter's per-run state: current frame, exception being propagated, handled exception.
namespace Lbbv.Runtime;

public static unsafe class ThreadState
{
    /// <summary>The innermost running frame (the head of the Back chain the collector walks).</summary>
    public static Frame* Current { get => VmState.P->Current; set => VmState.P->Current = value; }
    /// <summary>The exception propagating out of a frame whose Execute returned Empty.</summary>
    public static Value Pending;
    /// <summary>The exception being handled (sys.exc_info()), None when none.</summary>
    public static Value Handled = Value.None;
    public static int Depth { get => VmState.P->Depth; set => VmState.P->Depth = value; }
    public static int RecursionLimit { get => VmState.P->RecursionLimit; set => VmState.P->RecursionLimit = value; }
    /// <summary>Lowest safe native stack address for Execute (RecursionError below it).</summary>
    public static byte* StackLimit;

    /// <summary>Called at the start of the VM thread, whose stack is `stackSize` bytes.</summary>
    public static void SetStack(long stackSize)
    {
        byte probe;
        StackLimit = &probe - stackSize + (32L << 20);
    }

    public static void Reset()
    {
        Current = null; Pending = Value.Empty; Handled = Value.None; Depth = 0; RecursionLimit = 1000;
    }

    internal static void MarkRoots()
    {
        Gc.Mark(Pending);
        Gc.Mark(Handled);
        for (Frame* f = Current; f != null; f = f->Back) Gc.MarkFrame(f);
    }

    /// <summary>Throws the pending exception into .NET code (after a Python call returned Empty).</summary>
    public static PyException TakePending()
    {
        var e = Pending;
        Pending = Value.Empty;
        return new PyException(e, false);
    }
}
