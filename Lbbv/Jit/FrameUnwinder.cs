// Exception unwinding for a frame running machine code, exactly as Interpreter.Unwind does it.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using ThreadState = Lbbv.Runtime.ThreadState;

namespace Lbbv.Jit;

public static unsafe class FrameUnwinder
{
    /// <summary>The code's shape, cached on the code runtime's JIT state holder.</summary>
    public static CodeShape Shape(CodeRuntime cr)
    {
        if (cr.JitState is IHasCodeShape holder) return holder.Shape;
        return ShapeCache.GetValue(cr.Code, c => new CodeShape(c));
    }

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Lbbv.Bytecode.CodeObject, CodeShape> ShapeCache = new();

    /// <summary>Finds the handler of `ip` for `exc` (traceback already added). With a handler, the
    /// frame is positioned there and the exit is Handled; without one, ThreadState.Pending holds the
    /// exception, f->Ip is `ip`, and the exit is Raised.</summary>
    public static long Unwind(Frame* f, CodeRuntime cr, int ip, Value exc)
    {
        var table = cr.Code.ExceptionTable;
        int best = -1;
        for (int i = 0; i < table.Length; i++)
        {
            var e = table[i];
            if (ip >= e.Start && ip < e.End && (best < 0 || e.End - e.Start < table[best].End - table[best].Start)) best = i;
        }
        f->Ip = ip;
        if (best < 0)
        {
            ThreadState.Pending = exc;
            f->Sp = f->StackBase + Math.Max(0, Shape(cr).DepthAt(ip));
            return unchecked((long)new ExitRecord((uint)ExitReason.Raised, ip).Pack());
        }
        var h = table[best];
        Value* sp = f->StackBase + h.Depth;
        if (h.PushLasti) *sp++ = Value.Int(ip);
        *sp++ = exc;
        f->Sp = sp;
        f->Ip = h.Target;
        return unchecked((long)new ExitRecord((uint)ExitReason.Handled, h.Target).Pack());
    }
}

/// <summary>Per-code JIT state that carries the code's shape.</summary>
public interface IHasCodeShape
{
    CodeShape Shape { get; }
}
