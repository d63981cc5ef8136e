// Allocation and companion access for objects that keep their data in a managed companion.
using System.Runtime.CompilerServices;

namespace Lbbv.Runtime;

/// <summary>A companion that holds Values traces them for the collector.</summary>
public interface ITraceable
{
    void Trace();
}

public static unsafe class Obj
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value New(ObjectKind kind, object companion, nint cls = 0)
    {
        ObjectHeader* h = NativeHeap.Alloc(Layout.HeaderSize, kind);
        // SAFETY: h is a freshly allocated header.
        h->Handle = Handles.Add(companion);
        h->Class = cls;
        return Value.Obj((nint)h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Get<T>(Value v) where T : class
        // SAFETY: v is an object whose companion has type T (checked by the caller via Kind).
        => Unsafe.As<T>(Handles.Table[((ObjectHeader*)v.Payload)->Handle]!);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object? Companion(Value v)
    {
        // SAFETY: v is an object value.
        int h = ((ObjectHeader*)v.Payload)->Handle;
        return h == 0 ? null : Handles.Table[h];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint ClassPtr(Value v)
        // SAFETY: v is an object value.
        => ((ObjectHeader*)v.Payload)->Class;
}
