// The JIT's generic fallback, callable from machine code: `long helper(vm, Value* slots, offset,
// depth, extra)`. An op the JIT does not specialize runs through the interpreter's own
// implementation (Interpreter.Step, one instruction of the main loop's code) on the native frame.
// A helper returns 0 to continue in machine code, or a packed exit record; an exception is
// unwound by the interpreter's unwinder (traceback entry, handler lookup), so the frame is always
// left as the interpreter would leave it.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using RtTypes = Lbbv.Runtime.Types;
using ThreadState = Lbbv.Runtime.ThreadState;

namespace Lbbv.Jit;

public static unsafe class OpHelpers
{
    /// <summary>Counts a helper call of <paramref name="op"/> in the run's statistics.</summary>
    static void Count(Opcode op)
    {
        if (JitRuntime.Active is { } runtime) runtime.HelperCallsByOp[(byte)op]++;
    }

    public static nint GenericOpAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&GenericOp;
    public static nint ToBoolAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&ToBool;
    public static nint ForIterAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&ForIterNext;
    public static nint CallAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&Call;
    public static nint CallMethodAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&CallMethod;
    public static nint SubscrAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&Subscr;
    public static nint StoreItemAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&StoreItem;
    public static nint BinaryAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&Binary;
    public static nint RichCompareAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&RichCompare;
    public static nint BuildSequenceAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&BuildSequence;
    public static nint BuildSliceAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&BuildSlice;
    public static nint SliceSubscrAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&SliceSubscr;
    public static nint ContainsAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&Contains;
    public static nint NewInstanceAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&NewInstance;
    public static nint RangeIterAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&RangeIter;

    // SAFETY: machine code passes r12, the base of the frame's Value slots, which follows the header.
    static Frame* FrameOf(Value* slots) => (Frame*)((byte*)slots - FrameLayout.HeaderSize);

    /// <summary>A helper's start: the frame as the interpreter's op sees it (Ip at the op, Sp at the
    /// op's entry depth), the op counted; returns that stack pointer.</summary>
    static Value* Begin(Value* slots, long offset, long depth, Opcode op, out Frame* f)
    {
        f = FrameOf(slots);
        f->Ip = (int)offset;
        f->Sp = f->StackBase + depth;
        Count(op);
        return f->Sp;
    }

    /// <summary>Runs the op at `offset` (stack depth `depth` before it) as the interpreter does.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long GenericOp(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Frame* f = FrameOf(slots);
        int instr = f->Code.Instrs[offset];
        Count(OpcodeInfo.OpOf(instr));
        long exit = Step(f, (int)offset, depth);
        if (exit != 0) return exit;
        // Machine code continues with the op's static stack effect (the table CodeShape uses).
        if (f->Sp != f->StackBase + depth + StackEffects.Of(OpcodeInfo.OpOf(instr), OpcodeInfo.ArgOf(instr), jump: false))
            return CrashExit((int)offset, new InvalidOperationException($"{OpcodeInfo.OpOf(instr)} at {offset} left the stack off its static depth"));
        return Continue(f, f->Sp);
    }

    /// <summary>`Call argc` that the compiler does not enter directly (a builtin, a class, a bound
    /// method, ...): the interpreter's Call op (the runtime's call of the callable) without the
    /// interpreter's one-instruction step around it; a raised exception is unwound by the
    /// interpreter's unwinder.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long Call(nint vm, Value* slots, long offset, long depth, long argc)
    {
        Value* sp = Begin(slots, offset, depth, Opcode.Call, out var f);
        int k = (int)offset, n = (int)argc;
        Value callable = sp[-n - 1];
        Value result;
        try
        {
            if (callable.Is(ObjectKind.BoundMethod))
            {
                var bm = Obj.Get<BoundMethodObject>(callable);
                sp[-n - 1] = bm.Self;
                result = Calls.InvokeRaw(bm.Func, new ReadOnlySpan<Value>(sp - n - 1, n + 1), Value.Empty);
            }
            else result = Calls.InvokeRaw(callable, new ReadOnlySpan<Value>(sp - n, n), Value.Empty);
        }
        catch (Exception e) { return RaiseAt(f, k, depth, e); }
        return Returned(f, k, depth, result, sp - n);
    }

    /// <summary>`CallMethod argc` after LoadMethod (a method of a builtin type, or any callable the
    /// compiler does not enter directly): the interpreter's CallMethod op without its step.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long CallMethod(nint vm, Value* slots, long offset, long depth, long argc)
    {
        Value* sp = Begin(slots, offset, depth, Opcode.CallMethod, out var f);
        int k = (int)offset, n = (int)argc;
        Value func = sp[-n - 2];
        Value result;
        try
        {
            result = sp[-n - 1].IsEmpty
                ? Calls.InvokeRaw(func, new ReadOnlySpan<Value>(sp - n, n), Value.Empty)
                : Calls.InvokeRaw(func, new ReadOnlySpan<Value>(sp - n - 1, n + 1), Value.Empty);
        }
        catch (Exception e) { return RaiseAt(f, k, depth, e); }
        return Returned(f, k, depth, result, sp - n - 1);
    }

    // A call's result replaces the callable, whose slot is below `top`; Empty means it raised.
    static long Returned(Frame* f, int k, long depth, Value result, Value* top)
    {
        if (result.IsEmpty) return RaiseAt(f, k, depth, ThreadState.TakePending());
        top[-1] = result;
        return Continue(f, top);
    }

    /// <summary>A helper's end when the op completed: the frame's stack ends at <paramref name="top"/>,
    /// and a collection the op's allocations requested runs now, with that stack complete.</summary>
    static long Continue(Frame* f, Value* top)
    {
        f->Sp = top;
        if (NativeHeap.GcRequested) Gc.Collect();
        return 0;
    }

    /// <summary>The instance a class call creates before its `__init__` runs from machine code
    /// (`Instances.New`, as the runtime's CallClass does), written into the slot above the call's
    /// operands (the slot at `depth`, the frame's spare one at most), which the caller's Sp covers
    /// from here on so the collector sees it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long NewInstance(nint vm, Value* slots, long offset, long depth, long argc)
    {
        Value* sp = Begin(slots, offset, depth, Opcode.Call, out var f);
        try { *sp = Instances.New(ClassObject.Of(sp[-argc - 1])); }
        catch (Exception e) { return RaiseAt(f, (int)offset, depth, e); }
        return Continue(f, sp + 1);
    }

    /// <summary>`Call argc` at offset then `GetIter`: when the callable is the builtin range and every
    /// argument an int64 (step not 0), the range's native iterator without the range object;
    /// anything else steps both ops as the interpreter runs them.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long RangeIter(nint vm, Value* slots, long offset, long depth, long argc)
    {
        Frame* f = FrameOf(slots);
        int k = (int)offset;
        Value* args = f->StackBase + depth - argc;
        bool ints = args[-1].Same(RtTypes.Range.Self);
        for (int i = 0; i < argc; i++) ints &= args[i].IsInt;
        long start = 0, stop = args[0].Payload, step = 1;
        if (argc >= 2) { start = args[0].Payload; stop = args[1].Payload; }
        if (argc == 3) step = args[2].Payload;
        Count(Opcode.Call);
        if (ints && step != 0)
        {
            // The iterator is the loop's alone when the ForIter that consumes it follows the GetIter
            // (which is never a code's last op: code ends with a return).
            bool loopOwned = OpcodeInfo.OpOf(f->Code.Instrs[k + 2]) == Opcode.ForIter;
            args[-1] = NativeIterators.NewRange(start, step, RangeObject.CountOf(start, stop, step), loopOwned);
            return Continue(f, args);
        }
        Count(Opcode.GetIter);
        long exit = Step(f, k, depth);
        if (exit == 0) exit = Step(f, k + 1, depth - argc);
        if (exit == 0 && NativeHeap.GcRequested) Gc.Collect();
        return exit;
    }

    /// <summary>`BinarySubscr` on anything but a list or tuple indexed by an int (dicts, strs,
    /// slices, `__getitem__`): the runtime's item read.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long Subscr(nint vm, Value* slots, long offset, long depth, long extra) =>
        TwoOperands(slots, offset, depth, Opcode.BinarySubscr, &ItemOf, extra);

    /// <summary>`BinaryOp kind` the compiler does not specialize (big ints, strs, lists, mixed
    /// types, a declined fast path): the runtime's arithmetic.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long Binary(nint vm, Value* slots, long offset, long depth, long kind) =>
        TwoOperands(slots, offset, depth, Opcode.BinaryOp, &BinaryOf, kind);

    /// <summary>`CompareOp op` the compiler does not specialize: the runtime's rich comparison.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long RichCompare(nint vm, Value* slots, long offset, long depth, long op) =>
        TwoOperands(slots, offset, depth, Opcode.CompareOp, &CompareOf, op);

    /// <summary>`ContainsOp invert` (`in`, `not in`): the runtime's membership test.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long Contains(nint vm, Value* slots, long offset, long depth, long invert) =>
        TwoOperands(slots, offset, depth, Opcode.ContainsOp, &ContainsOf, invert);

    /// <summary>`BuildSlice 2` (`a[lo:hi]`): a slice object of the two bounds, as the interpreter's op builds it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long BuildSlice(nint vm, Value* slots, long offset, long depth, long extra) =>
        TwoOperands(slots, offset, depth, Opcode.BuildSlice, &SliceOf, extra);

    static Value ItemOf(Value container, Value key, long _) => Items.Get(container, key);
    static Value SliceOf(Value lo, Value hi, long _) => Slices.New(lo, hi, Value.None);
    static Value BinaryOf(Value a, Value b, long kind) => Arith.Binary((int)kind, a, b);
    static Value CompareOf(Value a, Value b, long op) => Compare.Rich((int)op, a, b);
    static Value ContainsOf(Value item, Value container, long invert) => Value.Bool(Protocols.Contains(container, item) != (invert == 1));

    /// <summary>An op of two operands that the interpreter's op runs through the runtime's
    /// <paramref name="run"/> (after its own fast paths), run here without the interpreter's
    /// one-instruction step: the result replaces the operands.</summary>
    static long TwoOperands(Value* slots, long offset, long depth, Opcode op, delegate*<Value, Value, long, Value> run, long arg)
    {
        Value* sp = Begin(slots, offset, depth, op, out var f);
        Value result;
        try { result = run(sp[-2], sp[-1], arg); }
        catch (Exception e) { return RaiseAt(f, (int)offset, depth, e); }
        sp[-2] = result;
        return Continue(f, sp - 1);
    }

    /// <summary>`BuildTuple n` / `BuildList n` (<paramref name="list"/> 1): the n entries on top of
    /// the stack replaced by a new tuple or list of them, as the interpreter's op builds it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long BuildSequence(nint vm, Value* slots, long offset, long depth, long nAndList)
    {
        int n = (int)(nAndList >> 1);
        bool list = (nAndList & 1) != 0;
        Value* sp = Begin(slots, offset, depth, list ? Opcode.BuildList : Opcode.BuildTuple, out var f);
        var items = new ReadOnlySpan<Value>(sp - n, n);
        Value built;
        try { built = list ? Lists.FromSpan(items) : Tuples.FromSpan(items); }
        catch (Exception e) { return RaiseAt(f, (int)offset, depth, e); }
        sp[-n] = built;
        return Continue(f, sp - n + 1);
    }
    /// <summary>`BuildSlice n` at offset then `BinarySubscr` (`a[lo:hi]`, `a[lo:hi:by]`): the item read
    /// of those bounds, without the slice object when the container is a list, tuple, str or range.
    /// An exception is raised by the subscript, with the slice on the stack below it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long SliceSubscr(nint vm, Value* slots, long offset, long depth, long n)
    {
        Value* sp = Begin(slots, offset + 1, depth, Opcode.BinarySubscr, out var f);
        Count(Opcode.BuildSlice);
        Value result;
        try { result = Items.GetSlice(sp[-n - 1], sp[-n], sp[-n + 1], n == 3 ? sp[-1] : Value.None); }
        catch (Exception e)
        {
            // The interpreter would have raised at the subscript, with the container and the slice
            // (any value stands for it: the unwinder drops the operands) on the stack.
            return RaiseAt(f, (int)offset + 1, depth - n + 1, e);
        }
        sp[-n - 1] = result;
        return Continue(f, sp - n);
    }

    /// <summary>`StoreSubscr` on anything but a list indexed by an int: the runtime's item store
    /// (`o[k] = v`), as the interpreter's op makes it, without its step.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long StoreItem(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Value* sp = Begin(slots, offset, depth, Opcode.StoreSubscr, out var f);
        int k = (int)offset;
        try { Items.Set(sp[-2], sp[-1], sp[-3]); }
        catch (Exception e) { return RaiseAt(f, k, depth, e); }
        return Continue(f, sp - 3);
    }

    /// <summary>Replaces the top of the stack by its truth value as a bool (PopJumpIf* on an unknown value).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long ToBool(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Value* sp = Begin(slots, offset, depth, Opcode.PopJumpIfFalse, out var f);
        int k = (int)offset;
        try
        {
            // SAFETY: depth >= 1 here (the compiler calls ToBool on the value on top of the stack).
            sp[-1] = Value.Bool(Protocols.IsTrue(sp[-1]));
            return 0;
        }
        catch (Exception e) { return RaiseAt(f, k, depth, e); }
    }

    /// <summary>ForIter at `offset`: writes the next item into the slot above the iterator, or an
    /// Empty tag there when the iterator is exhausted (the iterator stays in its slot).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long ForIterNext(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Frame* f = FrameOf(slots);
        int k = (int)offset;
        Count(Opcode.ForIter);
        long exit = Step(f, k, depth, jumps: true);
        if (exit != 0) return exit;
        // SAFETY: ForIter's static effect is +1, so the slot at `depth` is inside the frame's stack.
        Value* next = f->StackBase + depth;
        // Exhausted: the interpreter popped the iterator (its slot is untouched) and jumped to the target.
        if (f->Ip != k + 1) *next = Value.Empty;
        f->Ip = k;
        return Continue(f, next + (next->IsEmpty ? 0 : 1));
    }

    /// <summary>Steps the op at k with the stack at `depth`. 0 when it completed at the next
    /// instruction (or anywhere, for a jump); else the exit record that resumes the interpreter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static long Step(Frame* f, int k, long depth, bool jumps = false)
    {
        f->Ip = k;
        f->Sp = f->StackBase + depth;
        StepResult result;
        try { result = Interpreter.Step(f); }
        catch (Exception e) { return CrashExit(k, e); }
        return ExitFor(f, k, depth, result, jumps);
    }

    static long ExitFor(Frame* f, int k, long depth, StepResult result, bool jumps)
    {
        switch (result)
        {
            case StepResult.Completed when jumps || f->Ip == k + 1:
                return 0;
            case StepResult.Raised:
                // As any exit before op k: the interpreter resumes at k with the op's entry depth.
                f->Ip = k;
                f->Sp = f->StackBase + depth;
                return Exit(ExitReason.Raised, k);
            default:
                // Handled, or (never for the ops GenericOp runs) completed elsewhere than the next
                // instruction: the interpreter continues where the step left the frame.
                return Exit(ExitReason.Handled, f->Ip);
        }
    }

    /// <summary>An exception raised by op k (stack at `depth` before it), outside Interpreter.Step: a
    /// Python one is unwound by the interpreter's unwinder, anything else is a crash.</summary>
    internal static long RaiseAt(Frame* f, int k, long depth, Exception e) =>
        Interpreter.IsPythonException(e) ? ExitFor(f, k, depth, Interpreter.CatchAt(f, e), jumps: false) : CrashExit(k, e);

    internal static long CrashExit(int k, Exception e)
    {
        if (JitRuntime.Active is { } runtime) runtime.Crash = e;
        return Exit(ExitReason.Crash, k);
    }

    static long Exit(ExitReason reason, int offset) => unchecked((long)new ExitRecord((uint)reason, offset).Pack());
}
