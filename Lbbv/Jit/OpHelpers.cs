// The interpreter's implementation of the ops the JIT does not specialize, callable from machine
// code: `long helper(vm, Value* slots, offset, depth, extra)`. Each helper positions the frame
// (Ip, Sp) as the interpreter would, runs the op on the native frame, and returns 0 to continue
// or a packed exit record: a raised exception is unwound here exactly as the interpreter unwinds
// it (traceback entry, handler lookup), so the frame is always left intact.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using ThreadState = Lbbv.Runtime.ThreadState;
using RtTypes = Lbbv.Runtime.Types;

namespace Lbbv.Jit;

public static unsafe class OpHelpers
{
    /// <summary>A .NET exception that was not a Python one, raised inside a helper; rethrown by the tier.</summary>
    [ThreadStatic] public static Exception? Crash;

    /// <summary>Helper calls by opcode (the op run through the interpreter's implementation), for --stats.</summary>
    public static readonly long[] CallsByOp = new long[256];

    /// <summary>True for the ops <see cref="GenericOp"/> implements.</summary>
    public static bool Implements(Opcode op) => op is Opcode.LoadAttr or Opcode.StoreAttr or Opcode.LoadMethod
        or Opcode.BinaryOp or Opcode.UnaryNegative or Opcode.UnaryPositive or Opcode.UnaryInvert or Opcode.UnaryNot
        or Opcode.CompareOp or Opcode.IsOp or Opcode.ContainsOp or Opcode.BinarySubscr or Opcode.StoreSubscr
        or Opcode.BuildTuple or Opcode.BuildList or Opcode.BuildString or Opcode.ListAppend or Opcode.FormatValue
        or Opcode.GetIter or Opcode.Call or Opcode.CallMethod or Opcode.CallKw or Opcode.LoadGlobal or Opcode.Swap
        or Opcode.UnpackSequence or Opcode.LoadDeref or Opcode.StoreDeref or Opcode.DeleteSubscr or Opcode.BuildMap
        or Opcode.MakeFunction or Opcode.LoadClosure or Opcode.BuildSlice or Opcode.ListToTuple or Opcode.SetAdd
        or Opcode.MapAdd or Opcode.ListExtend or Opcode.MakeCell;

    public static nint GenericOpAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&GenericOp;
    public static nint ToBoolAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&ToBool;
    public static nint ForIterAddress => (nint)(delegate* unmanaged[Cdecl]<nint, Value*, long, long, long, long>)&ForIterNext;

    // SAFETY: machine code passes r12, the base of the frame's Value slots, which follows the header.
    static Frame* FrameOf(Value* slots) => (Frame*)((byte*)slots - FrameLayout.HeaderSize);

    /// <summary>Runs the op at `offset` (stack depth `depth` before it) as the interpreter does.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long GenericOp(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Frame* f = FrameOf(slots);
        var cr = f->Code;
        int k = (int)offset;
        Value* sp = f->StackBase + depth;
        f->Ip = k;
        f->Sp = sp;
        try
        {
            int instr = cr.Instrs[k];
            var op = (Opcode)(byte)instr;
            int arg = instr >> 8;
            CallsByOp[(byte)op]++;
            if (!Run(f, cr, op, arg, k, sp)) return PendingExit(f, cr, k);
            f->Sp = f->StackBase + depth + StackEffects.Of(op, arg, jump: false);
            if (NativeHeap.GcRequested) Gc.Collect();
            return 0;
        }
        catch (Exception e) { return Caught(f, cr, k, e); }
    }

    /// <summary>Replaces the top of the stack by its truth value as a bool (PopJumpIf* on an unknown value).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long ToBool(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Frame* f = FrameOf(slots);
        var cr = f->Code;
        int k = (int)offset;
        Value* sp = f->StackBase + depth;
        f->Ip = k;
        f->Sp = sp;
        try
        {
            CallsByOp[(int)Opcode.PopJumpIfFalse]++;
            sp[-1] = Value.Bool(Protocols.IsTrue(sp[-1]));
            return 0;
        }
        catch (Exception e) { return Caught(f, cr, k, e); }
    }

    /// <summary>ForIter: writes the next item into the slot above the iterator, or an Empty tag when exhausted.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    static long ForIterNext(nint vm, Value* slots, long offset, long depth, long extra)
    {
        Frame* f = FrameOf(slots);
        var cr = f->Code;
        int k = (int)offset;
        Value* sp = f->StackBase + depth;
        f->Ip = k;
        f->Sp = sp;
        try
        {
            CallsByOp[(int)Opcode.ForIter]++;
            var it = sp[-1];
            Value v;
            if (it.Kind == ObjectKind.Iterator) v = Obj.Get<IteratorObject>(it).Next();
            else if (it.Kind == ObjectKind.Generator)
            {
                var st = Generators.Resume(it, Value.None, out v);
                if (st == GenState.Error) return PendingExit(f, cr, k);
                if (st == GenState.Returned) v = Value.Empty;
            }
            else v = Protocols.Next(it);
            *sp = v;
            if (NativeHeap.GcRequested) { f->Sp = sp + (v.IsEmpty ? 0 : 1); Gc.Collect(); }
            return 0;
        }
        catch (Exception e) { return Caught(f, cr, k, e); }
    }

    // Returns false when a callee raised (ThreadState.Pending). Mirrors Interpreter.Run's cases.
    static bool Run(Frame* f, CodeRuntime cr, Opcode op, int arg, int k, Value* sp)
    {
        switch (op)
        {
            case Opcode.Swap: { var t = sp[-1]; sp[-1] = sp[-arg]; sp[-arg] = t; return true; }
            case Opcode.LoadClosure: *sp = f->LocalsPlus[arg]; return true;
            case Opcode.MakeCell: f->LocalsPlus[arg] = Cells.New(f->LocalsPlus[arg]); return true;
            case Opcode.LoadDeref:
                {
                    var v = Cells.P(f->LocalsPlus[arg])->Value;
                    if (v.IsEmpty) throw UnboundError(cr, arg);
                    *sp = v;
                    return true;
                }
            case Opcode.StoreDeref: Cells.P(f->LocalsPlus[arg])->Value = sp[-1]; return true;
            case Opcode.LoadGlobal:
                {
                    nint cell = cr.GlobalCells[arg];
                    if (cell == 0) cr.GlobalCells[arg] = cell = cr.Module.CellFor(cr.Names[arg]).Ptr;
                    var v = ((CellObject*)cell)->Value;
                    if (v.IsEmpty)
                    {
                        nint b = cr.BuiltinCells[arg];
                        if (b == 0) cr.BuiltinCells[arg] = b = Builtins.Module.CellFor(cr.Names[arg]).Ptr;
                        v = ((CellObject*)b)->Value;
                        if (v.IsEmpty) throw Errors.New(RtTypes.NameError, $"name '{cr.Names[arg]}' is not defined");
                    }
                    *sp = v;
                    return true;
                }
            case Opcode.LoadAttr:
                sp[-1] = Attributes.GetCached(sp[-1], cr.Names[arg], ref cr.AttrCaches[k]);
                return true;
            case Opcode.StoreAttr:
                Attributes.SetCached(sp[-1], cr.Names[arg], sp[-2], ref cr.AttrCaches[k]);
                return true;
            case Opcode.LoadMethod:
                {
                    var o = sp[-1];
                    if (Attributes.LoadMethod(o, cr.Names[arg], out var m, ref cr.AttrCaches[k])) { sp[-1] = m; *sp = o; }
                    else { sp[-1] = m; *sp = Value.Empty; }
                    return true;
                }
            case Opcode.BinaryOp: sp[-2] = Arith.Binary(arg, sp[-2], sp[-1]); return true;
            case Opcode.UnaryNegative: sp[-1] = Arith.Negative(sp[-1]); return true;
            case Opcode.UnaryPositive: sp[-1] = Arith.Positive(sp[-1]); return true;
            case Opcode.UnaryInvert: sp[-1] = Arith.Invert(sp[-1]); return true;
            case Opcode.UnaryNot: sp[-1] = Value.Bool(!Protocols.IsTrue(sp[-1])); return true;
            case Opcode.CompareOp: sp[-2] = Compare.Rich(arg, sp[-2], sp[-1]); return true;
            case Opcode.IsOp: sp[-2] = Value.Bool(sp[-2].Same(sp[-1]) != (arg == 1)); return true;
            case Opcode.ContainsOp: sp[-2] = Value.Bool(Protocols.Contains(sp[-1], sp[-2]) != (arg == 1)); return true;
            case Opcode.BinarySubscr: sp[-2] = Items.Get(sp[-2], sp[-1]); return true;
            case Opcode.StoreSubscr: Items.Set(sp[-2], sp[-1], sp[-3]); return true;
            case Opcode.DeleteSubscr: Items.Delete(sp[-2], sp[-1]); return true;
            case Opcode.BuildTuple: sp[-arg] = Tuples.FromSpan(new ReadOnlySpan<Value>(sp - arg, arg)); return true;
            case Opcode.BuildList: sp[-arg] = Lists.FromSpan(new ReadOnlySpan<Value>(sp - arg, arg)); return true;
            case Opcode.BuildMap:
                {
                    var d = new DictObject();
                    for (int i = arg; i > 0; i--) d.Set(sp[-2 * i], sp[-2 * i + 1]);
                    sp[-2 * arg] = Dicts.New(d);
                    return true;
                }
            case Opcode.BuildString:
                {
                    var sb = new System.Text.StringBuilder();
                    for (int i = arg; i > 0; i--) sb.Append(Strs.Get(sp[-i]));
                    sp[-arg] = Strs.New(sb.ToString());
                    return true;
                }
            case Opcode.ListAppend: Lists.Append(sp[-1 - arg], sp[-1]); return true;
            case Opcode.FormatValue:
                {
                    Value spec = (arg & 4) != 0 ? sp[-1] : Value.Empty;
                    Value v = (arg & 4) != 0 ? sp[-2] : sp[-1];
                    var r = Formatting.FormatValue(v, arg & 3, spec);
                    if ((arg & 4) != 0) sp[-2] = r; else sp[-1] = r;
                    return true;
                }
            case Opcode.GetIter: sp[-1] = Protocols.Iter(sp[-1]); return true;
            case Opcode.BuildSlice:
                {
                    Value step = arg == 3 ? sp[-1] : Value.None;
                    Value lo = sp[-arg], hi = sp[-arg + 1];
                    sp[-arg] = Obj.New(ObjectKind.Slice, new SliceObject(lo, hi, step));
                    return true;
                }
            case Opcode.ListToTuple: sp[-1] = Tuples.FromSpan(Lists.Span(sp[-1])); return true;
            case Opcode.SetAdd: Sets.Get(sp[-1 - arg]).Add(sp[-1]); return true;
            case Opcode.MapAdd: Dicts.Get(sp[-2 - arg]).Set(sp[-2], sp[-1]); return true;
            case Opcode.ListExtend: ListOps.Extend(sp[-1 - arg], sp[-1]); return true;
            case Opcode.UnpackSequence:
                {
                    var seq = sp[-1];
                    if (seq.IsObject && (seq.Kind == ObjectKind.Tuple || seq.Kind == ObjectKind.List))
                    {
                        var items = seq.Kind == ObjectKind.Tuple ? Tuples.Span(seq) : Lists.Span(seq);
                        if (items.Length != arg) return Fallback();
                        Value* p = sp - 1;
                        for (int i = arg - 1; i >= 0; i--) *p++ = items[i];
                        return true;
                    }
                    return Fallback();
                }
            case Opcode.MakeFunction:
                {
                    Value* p = sp;
                    var codeV = *--p;
                    var fcode = Obj.Get<CodeRuntime>(codeV);
                    var fd = new FunctionData(fcode.Code.Name, fcode.Code.QualName) { Code = fcode, Globals = Value.Obj(f->Globals) };
                    if ((arg & 8) != 0) fd.Closure = *--p;
                    if ((arg & 2) != 0) fd.KwDefaults = *--p;
                    if ((arg & 1) != 0) fd.Defaults = *--p;
                    *p = Functions.New(fd);
                    return true;
                }
            case Opcode.Call:
                {
                    Value callable = sp[-arg - 1];
                    Value r;
                    if (callable.IsObject && callable.Kind == ObjectKind.BoundMethod)
                    {
                        var bm = Obj.Get<BoundMethodObject>(callable);
                        sp[-arg - 1] = bm.Self;
                        r = Calls.InvokeRaw(bm.Func, new ReadOnlySpan<Value>(sp - arg - 1, arg + 1), Value.Empty);
                    }
                    else r = Calls.InvokeRaw(callable, new ReadOnlySpan<Value>(sp - arg, arg), Value.Empty);
                    if (r.IsEmpty) return false;
                    sp[-arg - 1] = r;
                    return true;
                }
            case Opcode.CallMethod:
                {
                    Value func = sp[-arg - 2];
                    Value r = sp[-arg - 1].IsEmpty
                        ? Calls.InvokeRaw(func, new ReadOnlySpan<Value>(sp - arg, arg), Value.Empty)
                        : Calls.InvokeRaw(func, new ReadOnlySpan<Value>(sp - arg - 1, arg + 1), Value.Empty);
                    if (r.IsEmpty) return false;
                    sp[-arg - 2] = r;
                    return true;
                }
            case Opcode.CallKw:
                {
                    Value kwnames = sp[-1];
                    Value callable = sp[-arg - 2];
                    Value r;
                    if (callable.IsObject && callable.Kind == ObjectKind.BoundMethod)
                    {
                        var bm = Obj.Get<BoundMethodObject>(callable);
                        sp[-arg - 2] = bm.Self;
                        r = Calls.InvokeRaw(bm.Func, new ReadOnlySpan<Value>(sp - arg - 2, arg + 1), kwnames);
                    }
                    else r = Calls.InvokeRaw(callable, new ReadOnlySpan<Value>(sp - 1 - arg, arg), kwnames);
                    if (r.IsEmpty) return false;
                    sp[-arg - 2] = r;
                    return true;
                }
            default:
                return Fallback();
        }
    }

    // The op is implemented only by the interpreter (the JIT checks Implements, so this is a bug).
    static bool Fallback() => throw new FallbackToInterpreter();

    sealed class FallbackToInterpreter : Exception { }

    static PyException UnboundError(CodeRuntime cr, int slot)
    {
        var co = cr.Code;
        string name = slot < co.VarNames.Length ? co.VarNames[slot]
            : slot - co.VarNames.Length < co.CellVars.Length ? co.CellVars[slot - co.VarNames.Length]
            : co.FreeVars[slot - co.VarNames.Length - co.CellVars.Length];
        if (slot >= co.VarNames.Length + co.CellVars.Length)
            return Errors.New(RtTypes.NameError, $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
        return Errors.New(RtTypes.UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
    }

    static long Caught(Frame* f, CodeRuntime cr, int k, Exception e)
    {
        switch (e)
        {
            case FallbackToInterpreter:
                f->Sp = f->StackBase + DepthOf(cr, k);
                return new ExitRecord((uint)ExitReason.Unsupported, k).PackSigned();
            case PyException p:
                return Raise(f, cr, k, p.Exc, p.IsNew);
            case Lbbv.Support.PyError p:
                return Raise(f, cr, k, Errors.From(p).Exc, true);
            case InsufficientExecutionStackException:
                return Raise(f, cr, k, Exceptions.Create(RtTypes.RecursionError, "maximum recursion depth exceeded"), true);
            default:
                Crash = e;
                return new ExitRecord((uint)ExitReason.Crash, k).PackSigned();
        }
    }

    static int DepthOf(CodeRuntime cr, int k) => FrameUnwinder.Shape(cr).DepthAt(k);

    static long PendingExit(Frame* f, CodeRuntime cr, int k)
    {
        var exc = ThreadState.Pending;
        ThreadState.Pending = Value.Empty;
        Exceptions.AddTraceback(exc, cr, k);
        return FrameUnwinder.Unwind(f, cr, k, exc);
    }

    static long Raise(Frame* f, CodeRuntime cr, int k, Value exc, bool isNew)
    {
        if (isNew) Exceptions.SetContext(exc);
        Exceptions.AddTraceback(exc, cr, k);
        return FrameUnwinder.Unwind(f, cr, k, exc);
    }

    static long PackSigned(this ExitRecord record) => unchecked((long)record.Pack());
}
