// The precise, non-moving mark-sweep collector. It runs only at safepoints (function entry and loop
// back-edges in the interpreter), so .NET code between safepoints may hold Values freely; .NET code
// that calls back into Python roots its Values with TempRoots.
using System.Runtime.CompilerServices;
using System.Diagnostics;

namespace Lbbv.Runtime;

public static unsafe class Gc
{
    static nint[] stack = new nint[256]; // the mark stack grows by doubling
    static int sp;
    public static long Collections;
    public static long ObjectsFreed;
    public static double PauseMs;

    /// <summary>Extra root providers (module table, code constants, JIT data...).</summary>
    public static readonly List<Action> RootProviders = new();

    public static void Mark(Value v)
    {
        if (v.TagWord == (long)Tag.Object) MarkPtr(v.Ptr);
    }

    public static void MarkPtr(nint p)
    {
        if (p == 0) return;
        var h = (ObjectHeader*)p;
        // SAFETY: p is a live object pointer reached from a root.
        if ((h->GcBits & ObjectHeader.MarkBit) != 0) return;
        h->GcBits |= ObjectHeader.MarkBit;
        if (sp == stack.Length) Array.Resize(ref stack, sp * 2);
        stack[sp++] = p;
    }

    public static void MarkRange(Value* p, long n)
    {
        // SAFETY: callers pass initialized Value ranges; an object Value points at a live header.
        for (long i = 0; i < n; i++)
        {
            if (p[i].TagWord != (long)Tag.Object) continue;
            var h = (ObjectHeader*)p[i].Payload;
            if ((h->GcBits & ObjectHeader.MarkBit) == 0) MarkPtr((nint)h); // the test inline: most are marked or not objects
        }
    }

    /// <summary>Marks a frame's header objects, localsplus and operand stack up to Sp.</summary>
    public static void MarkFrame(Frame* f)
    {
        // SAFETY: f is a live frame whose Sp is current (safepoint invariant).
        MarkPtr(f->Function);
        MarkPtr(f->Globals);
        MarkPtr(f->Locals);
        MarkPtr(f->Generator);
        Value* lp = f->LocalsPlus;
        MarkRange(lp, f->Sp - lp);
    }

    static void Drain()
    {
        while (sp > 0)
        {
            var h = (ObjectHeader*)stack[--sp];
            // SAFETY: h was marked as a live object.
            switch (h->Kind)
            {
                case ObjectKind.List:
                    {
                        var l = (ListObject*)h;
                        MarkRange(l->Items, l->Count);
                        break;
                    }
                case ObjectKind.Tuple:
                    {
                        var t = (TupleObject*)h;
                        MarkRange(t->Items, t->Count);
                        break;
                    }
                case ObjectKind.Instance:
                    {
                        var o = (InstanceObject*)h;
                        MarkPtr(o->Header.Class);
                        MarkRange(o->Slots, o->SlotCount);
                        // an instance of a class implemented in C# (NativeInstances) keeps its data in a companion
                        if (h->Handle != 0) TraceCompanion(h->Handle);
                        break;
                    }
                case ObjectKind.Slice:
                    MarkRange(Slices.Bounds(h), 3);
                    break;
                case ObjectKind.Cell:
                    Mark(((CellObject*)h)->Value);
                    break;
                case ObjectKind.ListIterator:
                    MarkPtr((nint)((ListIteratorObject*)h)->List);
                    break;
                case ObjectKind.RangeIterator:
                case ObjectKind.Range:
                case ObjectKind.Str:
                case ObjectKind.BigInt:
                    break; // no class pointer, and no Values (or no companion holding any)
                default:
                    MarkPtr(h->Class);
                    if (h->Handle != 0) TraceCompanion(h->Handle);
                    break;
            }
        }
    }

    const byte TraceUnknown = 0, TracesNothing = 1, Traces = 2;

    /// <summary>Traces the companion of handle <paramref name="handle"/> if it holds Values; whether it
    /// does is asked once per handle (Handles.TraceStates), not at every collection.</summary>
    static void TraceCompanion(int handle)
    {
        byte state = Handles.TraceStates[handle];
        if (state == TracesNothing) return;
        object companion = Handles.Table[handle]!;
        if (state == TraceUnknown)
        {
            bool traces = companion is ITraceable;
            Handles.TraceStates[handle] = traces ? Traces : TracesNothing;
            if (!traces) return;
        }
        Unsafe.As<ITraceable>(companion).Trace();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Finalize(ObjectHeader* h)
    {
        // SAFETY: h is unreachable and about to be freed.
        switch (h->Kind)
        {
            case ObjectKind.List: Lists.Free(h); break;
            case ObjectKind.Instance: Instances.Free(h); break;
            // The one companion that owns native memory (its frame): found by the kind, so that the
            // sweep never reads a dead companion's type (a cache miss on every str, dict, function...).
            case ObjectKind.Generator: Generators.Get(Value.Obj((nint)h)).Release(); break;
        }
        if (h->Handle != 0)
        {
            Handles.Release(h->Handle);
            h->Handle = 0;
        }
    }

    public static void Collect()
    {
        long t0 = Stopwatch.GetTimestamp();
        NativeHeap.GcRequested = false;
        PermanentRoots.Mark();
        ThreadState.MarkRoots();
        TempRoots.Mark();
        foreach (var p in RootProviders) p();
        Drain();
        ObjectsFreed += NativeHeap.Sweep(&Finalize);
        Collections++;
        NativeHeap.AllocatedSinceGc = 0;
        NativeHeap.GcThreshold = Math.Max(NativeHeap.MinGcThreshold, NativeHeap.HeapBytes);
        // Companions freed by the sweep often already live in .NET's older generations; collect
        // them when the managed heap has grown well past what survived last time.
        long managed = GC.GetTotalMemory(false);
        if (managed > Math.Max(24L << 20, 2 * managedAfterFull))
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            managedAfterFull = GC.GetTotalMemory(false);
            ManagedCollections++;
        }
        PauseMs += Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }

    static long managedAfterFull;
    public static long ManagedCollections;
}

/// <summary>A stack of Values that .NET code keeps alive across calls into Python:
/// `using var r = TempRoots.Push(v);` or `TempRoots.Count`/`TempRoots.PopTo(mark)`.</summary>
public static class TempRoots
{
    static Value[] items = new Value[256];
    public static int Count;

    public static Scope Push(Value v)
    {
        int mark = Count;
        Add(v);
        return new Scope(mark);
    }

    public static void Add(Value v)
    {
        if (Count == items.Length) Array.Resize(ref items, Count * 2);
        items[Count++] = v;
    }

    public static void PopTo(int mark)
    {
        Array.Clear(items, mark, Count - mark);
        Count = mark;
    }

    internal static void Mark()
    {
        for (int i = 0; i < Count; i++) Gc.Mark(items[i]);
    }

    public readonly struct Scope(int mark) : IDisposable
    {
        public void Dispose() => PopTo(mark);
    }

    public static Scope Mark_() => new(Count);
}
