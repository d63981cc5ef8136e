// The bytecode interpreter: a switch over the instructions of one native frame. It keeps no Values
// in .NET locals across instructions except through the frame (sp is written back before every
// call out and at safepoints), so the collector and the JIT tiers always see the frame's state.
using System.Runtime.CompilerServices;
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

public static unsafe partial class Interpreter
{
    public static IExecutionTier? Tier;
    public static long Bytecodes;
    public static bool CountBytecodes;

    // How Run runs: the whole frame counting bytecodes (--stats) or not, or one instruction (Step).
    // typeof(TMode) tests are constants in each instantiation, so the modes cost the others nothing.
    interface IMode { }
    struct Counting : IMode { }
    struct NotCounting : IMode { }

    /// <summary>Runs `f` from f->Ip until it returns (or yields). Returns Empty when an exception
    /// propagates out (ThreadState.Pending). f must be initialized with Back == the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Execute(Frame* f)
    {
        byte probe;
        if (++ThreadState.Depth > ThreadState.RecursionLimit || &probe < ThreadState.StackLimit)
        {
            ThreadState.Depth--;
            var e = Exceptions.Create(Types.RecursionError, "maximum recursion depth exceeded");
            Exceptions.SetContext(e);
            ThreadState.Pending = e;
            return Value.Empty;
        }
        Frame* prev = ThreadState.Current;
        ThreadState.Current = f;
        if (NativeHeap.GcRequested) { f->Sp = f->Sp; Gc.Collect(); }
        Value r = Value.Empty;
        bool done = false;
        var tier = Tier;
        if (tier != null && f->Ip == 0)
        {
            var code = f->Code;
            if (tier.CallThreshold > 0 && ++code.CallCount >= tier.CallThreshold)
            {
                var x = tier.OnEntry(f, out r);
                if (x == TierExit.Returned) done = true;
                else if (x == TierExit.Raised) { r = Value.Empty; done = true; }
            }
        }
        while (!done)
        {
            try
            {
                r = Recorder is { } recorder && recorder.Follows(f) ? Run<Recording>(f)
                    : CountBytecodes ? Run<Counting>(f) : Run<NotCounting>(f);
                break;
            }
            catch (Exception e) when (IsPythonException(e))
            {
                if (!Catch(f, e)) { r = Value.Empty; break; }
            }
        }
        ThreadState.Current = prev;
        ThreadState.Depth--;
        return r;
    }

    /// <summary>True for the .NET exceptions that stand for a Python exception raised by an op.</summary>
    public static bool IsPythonException(Exception e) => e is PyException or Lbbv.Support.PyError or InsufficientExecutionStackException;

    /// <summary>A .NET exception (<see cref="IsPythonException"/>) thrown by the op at f->Ip: as <see cref="Catch(Frame*, Value, bool)"/>.</summary>
    static bool Catch(Frame* f, Exception e) => e switch
    {
        PyException p => Catch(f, p.Exc, p.IsNew),
        Lbbv.Support.PyError p => Catch(f, Errors.From(p).Exc, true),
        _ => Catch(f, Exceptions.Create(Types.RecursionError, "maximum recursion depth exceeded"), true),
    };

    /// <summary>An exception raised at f->Ip: add the traceback entry and find a handler.</summary>
    static bool Catch(Frame* f, Value exc, bool isNew)
    {
        if (isNew) Exceptions.SetContext(exc);
        Exceptions.AddTraceback(exc, f->Code, f->Ip);
        return Unwind(f, exc);
    }

    /// <summary>Finds the handler of f->Ip; on success the frame is positioned at it.</summary>
    static bool Unwind(Frame* f, Value exc)
    {
        Recorder?.OnUnwind(f);
        var table = f->Code.Code.ExceptionTable;
        int ip = f->Ip;
        int best = -1;
        for (int i = 0; i < table.Length; i++)
        {
            var e = table[i];
            if (ip >= e.Start && ip < e.End && (best < 0 || e.End - e.Start < table[best].End - table[best].Start)) best = i;
        }
        if (best < 0) { ThreadState.Pending = exc; return false; }
        var h = table[best];
        Value* sp = f->StackBase + h.Depth;
        if (h.PushLasti) *sp++ = Value.Int(ip);
        *sp++ = exc;
        f->Sp = sp;
        f->Ip = h.Target;
        return true;
    }

    static string SlotName(CodeRuntime cr, int slot)
    {
        var co = cr.Code;
        if (slot < co.VarNames.Length) return co.VarNames[slot];
        slot -= co.VarNames.Length;
        if (slot < co.CellVars.Length) return co.CellVars[slot];
        return co.FreeVars[slot - co.CellVars.Length];
    }

    static PyException Unbound(CodeRuntime cr, int slot)
    {
        var co = cr.Code;
        string name = SlotName(cr, slot);
        if (slot >= co.VarNames.Length + co.CellVars.Length)
            return Errors.New(Types.NameError, $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
        return Errors.New(Types.UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
    }

    /// <summary>Runs f from f->Ip. Returns the frame's result, or Empty when an exception
    /// propagates (ThreadState.Pending). In step mode (Step) it returns after one instruction
    /// with f->Ip/f->Sp written back: a StepResult as an int Value, or Empty when it raised.</summary>
    [SkipLocalsInit]
    static Value Run<TMode>(Frame* f) where TMode : struct, IMode
    {
        CodeRuntime cr = f->Code;
        int* code = cr.Instrs;
        Value* sp = f->Sp;
        nint ip = f->Ip; // nint: indexing code[] needs no sign extension in the dispatch
        Value exc;
        bool stepped = false;
        while (true)
        {
            if (typeof(TMode) == typeof(Stepping))
            {
                if (stepped) { f->Ip = (int)ip; f->Sp = sp; return Stepped(StepResult.Completed); }
                stepped = true;
            }
            if (typeof(TMode) == typeof(Recording) && !RecordBefore(f, (int)ip, sp))
            {
                f->Ip = (int)ip; f->Sp = sp; return Value.Empty;
            }
            int instr = code[ip];
            f->Ip = (int)ip++;
            if (typeof(TMode) == typeof(Counting) || (typeof(TMode) == typeof(Recording) && CountBytecodes)) Bytecodes++;
            int arg = instr >> 8;
            switch ((Opcode)(byte)instr)
            {
                case Opcode.Nop: continue;
                case Opcode.PopTop: sp--; continue;
                case Opcode.Copy: { var v = sp[-arg]; *sp++ = v; continue; }
                case Opcode.Swap: { var t = sp[-1]; sp[-1] = sp[-arg]; sp[-arg] = t; continue; }
                case Opcode.LoadConst: *sp++ = cr.Consts[arg]; continue;
                case Opcode.LoadFast:
                    {
                        Value* local = f->LocalsPlus + arg;
                        if (local->IsEmpty) { f->Sp = sp; throw Unbound(cr, arg); }
                        *sp++ = *local;
                        continue;
                    }
                case Opcode.StoreFast: f->LocalsPlus[arg] = *--sp; continue;
                case Opcode.DeleteFast:
                    if (f->LocalsPlus[arg].IsEmpty) { f->Sp = sp; throw Unbound(cr, arg); }
                    f->LocalsPlus[arg] = Value.Empty;
                    continue;
                case Opcode.MakeCell:
                    {
                        var v = f->LocalsPlus[arg];
                        if (!v.IsEmpty) CellRecords.NoteStore(cr.DerefRecord(arg), v);
                        f->LocalsPlus[arg] = Cells.New(v);
                        continue;
                    }
                case Opcode.LoadClosure:
                    {
                        var cell = f->LocalsPlus[arg];
                        // An inner function captures the cell: may it find it empty?
                        if (Cells.P(cell)->Value.IsEmpty) CellRecords.NoteMayBeEmpty(cr.DerefRecord(arg));
                        *sp++ = cell;
                        continue;
                    }
                case Opcode.LoadDeref:
                    {
                        var v = Cells.P(f->LocalsPlus[arg])->Value;
                        if (v.IsEmpty) { f->Sp = sp; throw Unbound(cr, arg); }
                        *sp++ = v;
                        continue;
                    }
                case Opcode.StoreDeref:
                    {
                        var v = *--sp;
                        CellRecords.NoteStore(cr.DerefRecord(arg), v);
                        Cells.P(f->LocalsPlus[arg])->Value = v;
                        continue;
                    }
                case Opcode.DeleteDeref:
                    if (Cells.P(f->LocalsPlus[arg])->Value.IsEmpty) { f->Sp = sp; throw Unbound(cr, arg); }
                    CellRecords.NoteMayBeEmpty(cr.DerefRecord(arg));
                    Cells.P(f->LocalsPlus[arg])->Value = Value.Empty;
                    continue;
                case Opcode.LoadGlobal:
                    {
                        nint cell = cr.GlobalCells[arg];
                        if (cell == 0) cell = ResolveGlobalCell(cr, arg);
                        var v = ((CellObject*)cell)->Value;
                        if (v.IsEmpty)
                        {
                            // A builtin (len, isinstance, ...): its cell once resolved, without a call.
                            nint builtin = cr.BuiltinCells[arg];
                            if (builtin != 0) v = ((CellObject*)builtin)->Value;
                            if (v.IsEmpty)
                            {
                                f->Sp = sp;
                                v = LoadBuiltin(cr, arg);
                            }
                        }
                        *sp++ = v;
                        continue;
                    }
                case Opcode.StoreGlobal:
                    {
                        nint cell = cr.GlobalCells[arg];
                        if (cell == 0) cell = ResolveGlobalCell(cr, arg);
                        ModuleObject.Store((CellObject*)cell, cr.Names[arg], *--sp);
                        continue;
                    }
                case Opcode.DeleteGlobal: f->Sp = sp; DeleteGlobal(cr, arg); continue;
                case Opcode.LoadName: f->Sp = sp; *sp++ = LoadName(f, cr, arg); continue;
                case Opcode.StoreName: f->Sp = sp; StoreName(f, cr, arg, *--sp); continue;
                case Opcode.DeleteName: f->Sp = sp; DeleteName(f, cr, arg); continue;
                case Opcode.LoadAttr:
                    {
                        var o = sp[-1];
                        if (o.IsObject && o.Kind == ObjectKind.Instance)
                        {
                            var io = (InstanceObject*)o.Ptr;
                            ref AttrCache c = ref cr.AttrCaches[ip - 1];
                            int slot = c.Class == io->Header.Class && c.Version == ClassObject.GlobalVersion && c.Kind == 1
                                ? c.Slot : SlowSlot(cr, (int)ip - 1, io->Header.Class, 1);
                            if ((ulong)slot < (ulong)io->SlotCount)
                            {
                                var v = io->Slots[slot];
                                if (!v.IsEmpty) { sp[-1] = v; continue; }
                            }
                        }
                        f->Sp = sp;
                        sp[-1] = Attributes.GetCached(o, cr.Names[arg], ref cr.Victim((int)ip - 1));
                        continue;
                    }
                case Opcode.StoreAttr:
                    {
                        var o = sp[-1];
                        var v = sp[-2];
                        if (o.IsObject && o.Kind == ObjectKind.Instance)
                        {
                            var io = (InstanceObject*)o.Ptr;
                            ref AttrCache c = ref cr.AttrCaches[ip - 1];
                            int slot = c.Class == io->Header.Class && c.Version == ClassObject.GlobalVersion && c.Kind == 3 && TagFits(c, v)
                                ? c.Slot : SlowStoreSlot(cr, (int)ip - 1, io->Header.Class, v);
                            if ((ulong)slot < (ulong)io->SlotCount)
                            {
                                io->Slots[slot] = v;
                                sp -= 2;
                                continue;
                            }
                        }
                        f->Sp = sp;
                        Attributes.SetCached(o, cr.Names[arg], v, ref cr.Victim((int)ip - 1));
                        sp -= 2;
                        continue;
                    }
                case Opcode.DeleteAttr:
                    f->Sp = sp;
                    Attributes.Delete(sp[-1], cr.Names[arg]);
                    sp--;
                    continue;
                case Opcode.LoadMethod:
                    {
                        var o = sp[-1];
                        if (o.IsObject && o.Kind == ObjectKind.Instance)
                        {
                            nint cls = ((ObjectHeader*)o.Ptr)->Class;
                            ref AttrCache c = ref cr.Find((int)ip - 1, cls, 2, out bool found);
                            if (found)
                            {
                                sp[-1] = c.Value;
                                *sp++ = o;
                                continue;
                            }
                        }
                        f->Sp = sp;
                        if (Attributes.LoadMethod(o, cr.Names[arg], out var m, ref cr.Victim((int)ip - 1)))
                        {
                            sp[-1] = m;
                            *sp++ = o;
                        }
                        else
                        {
                            sp[-1] = m;
                            *sp++ = Value.Empty;
                        }
                        continue;
                    }
                case Opcode.LoadAssertionError: *sp++ = Types.AssertionError.Self; continue;

                case Opcode.BinaryOp:
                    {
                        Value b = sp[-1], a = sp[-2];
                        if (a.TagWord == (long)Tag.Int && b.TagWord == (long)Tag.Int)
                        {
                            long x = a.Payload, y = b.Payload, r;
                            switch (arg & 15)
                            {
                                case Arith.Add:
                                    r = x + y;
                                    if (((x ^ r) & (y ^ r)) < 0) break;
                                    sp[-2] = Value.Int(r); sp--; continue;
                                case Arith.Sub:
                                    r = x - y;
                                    if (((x ^ y) & (x ^ r)) < 0) break;
                                    sp[-2] = Value.Int(r); sp--; continue;
                                case Arith.Mult:
                                    {
                                        // Factors of 32 bits or less cannot overflow: no call to BigMul.
                                        if (FitsInInt32(x) && FitsInInt32(y))
                                        {
                                            sp[-2] = Value.Int(x * y); sp--; continue;
                                        }
                                        long hi = Math.BigMul(x, y, out long lo);
                                        if (hi != (lo >> 63)) break;
                                        sp[-2] = Value.Int(lo); sp--; continue;
                                    }
                                case Arith.FloorDiv:
                                    if (y > 0)
                                    {
                                        long q = x / y;
                                        if ((x % y != 0) && x < 0) q--;
                                        sp[-2] = Value.Int(q); sp--; continue;
                                    }
                                    break;
                                case Arith.Mod:
                                    if (y > 0)
                                    {
                                        long m = x % y;
                                        if (m < 0) m += y;
                                        sp[-2] = Value.Int(m); sp--; continue;
                                    }
                                    break;
                                case Arith.BitAnd: sp[-2] = Value.Int(x & y); sp--; continue;
                                case Arith.BitOr: sp[-2] = Value.Int(x | y); sp--; continue;
                                case Arith.BitXor: sp[-2] = Value.Int(x ^ y); sp--; continue;
                            }
                        }
                        else if (a.TagWord == (long)Tag.Float && b.TagWord == (long)Tag.Float)
                        {
                            double x = a.AsFloat, y = b.AsFloat;
                            switch (arg & 15)
                            {
                                case Arith.Add: sp[-2] = Value.Float(x + y); sp--; continue;
                                case Arith.Sub: sp[-2] = Value.Float(x - y); sp--; continue;
                                case Arith.Mult: sp[-2] = Value.Float(x * y); sp--; continue;
                                case Arith.Div: if (y != 0) { sp[-2] = Value.Float(x / y); sp--; continue; } break;
                            }
                        }
                        else if (a.TagWord == (long)Tag.Float && b.TagWord == (long)Tag.Int)
                        {
                            double x = a.AsFloat, y = b.Payload;
                            switch (arg & 15)
                            {
                                case Arith.Add: sp[-2] = Value.Float(x + y); sp--; continue;
                                case Arith.Sub: sp[-2] = Value.Float(x - y); sp--; continue;
                                case Arith.Mult: sp[-2] = Value.Float(x * y); sp--; continue;
                                case Arith.Div: if (y != 0) { sp[-2] = Value.Float(x / y); sp--; continue; } break;
                            }
                        }
                        else if (a.TagWord == (long)Tag.Int && b.TagWord == (long)Tag.Float)
                        {
                            double x = a.Payload, y = b.AsFloat;
                            switch (arg & 15)
                            {
                                case Arith.Add: sp[-2] = Value.Float(x + y); sp--; continue;
                                case Arith.Sub: sp[-2] = Value.Float(x - y); sp--; continue;
                                case Arith.Mult: sp[-2] = Value.Float(x * y); sp--; continue;
                                case Arith.Div: if (y != 0) { sp[-2] = Value.Float(x / y); sp--; continue; } break;
                            }
                        }
                        f->Sp = sp;
                        var res = Arith.Binary(arg, sp[-2], sp[-1]);
                        sp[-2] = res;
                        sp--;
                        continue;
                    }
                case Opcode.UnaryNegative:
                    {
                        var v = sp[-1];
                        if (v.IsInt && v.Payload != long.MinValue) { sp[-1] = Value.Int(-v.Payload); continue; }
                        if (v.IsFloat) { sp[-1] = Value.Float(-v.AsFloat); continue; }
                        f->Sp = sp;
                        sp[-1] = Arith.Negative(v);
                        continue;
                    }
                case Opcode.UnaryPositive: f->Sp = sp; sp[-1] = Arith.Positive(sp[-1]); continue;
                case Opcode.UnaryInvert: f->Sp = sp; sp[-1] = Arith.Invert(sp[-1]); continue;
                case Opcode.UnaryNot:
                    {
                        var v = sp[-1];
                        if (v.IsBool) { sp[-1] = Value.Bool(v.Payload == 0); continue; }
                        f->Sp = sp;
                        sp[-1] = Value.Bool(!Protocols.IsTrue(v));
                        continue;
                    }
                case Opcode.CompareOp:
                    {
                        Value b = sp[-1], a = sp[-2];
                        if (a.TagWord == (long)Tag.Int && b.TagWord == (long)Tag.Int)
                        {
                            long x = a.Payload, y = b.Payload;
                            bool r = arg switch
                            {
                                Compare.Eq => x == y, Compare.Ne => x != y, Compare.Lt => x < y,
                                Compare.Le => x <= y, Compare.Gt => x > y, _ => x >= y,
                            };
                            sp[-2] = Value.Bool(r); sp--; continue;
                        }
                        if (a.TagWord == (long)Tag.Float && b.TagWord == (long)Tag.Float)
                        {
                            double x = a.AsFloat, y = b.AsFloat;
                            bool r = arg switch
                            {
                                Compare.Eq => x == y, Compare.Ne => x != y, Compare.Lt => x < y,
                                Compare.Le => x <= y, Compare.Gt => x > y, _ => x >= y,
                            };
                            sp[-2] = Value.Bool(r); sp--; continue;
                        }
                        f->Sp = sp;
                        var res = Compare.Rich(arg, sp[-2], sp[-1]);
                        sp[-2] = res;
                        sp--;
                        continue;
                    }
                case Opcode.IsOp:
                    {
                        bool same = sp[-2].Same(sp[-1]);
                        sp[-2] = Value.Bool(same != (arg == 1));
                        sp--;
                        continue;
                    }
                case Opcode.ContainsOp:
                    {
                        f->Sp = sp;
                        bool r = Protocols.Contains(sp[-1], sp[-2]);
                        sp[-2] = Value.Bool(r != (arg == 1));
                        sp--;
                        continue;
                    }
                case Opcode.BinarySubscr:
                    {
                        Value o = sp[-2], k = sp[-1];
                        if (k.IsInt && o.IsObject && o.Kind == ObjectKind.List)
                        {
                            var l = (ListObject*)o.Ptr;
                            long i = k.Payload;
                            if (i < 0) i += l->Count;
                            if ((ulong)i < (ulong)l->Count) { sp[-2] = l->Items[i]; sp--; continue; }
                        }
                        f->Sp = sp;
                        var r = Items.Get(o, k);
                        sp[-2] = r;
                        sp--;
                        continue;
                    }
                case Opcode.StoreSubscr:
                    {
                        Value v = sp[-3], o = sp[-2], k = sp[-1];
                        if (k.IsInt && o.IsObject && o.Kind == ObjectKind.List)
                        {
                            var l = (ListObject*)o.Ptr;
                            long i = k.Payload;
                            if (i < 0) i += l->Count;
                            if ((ulong)i < (ulong)l->Count) { l->Items[i] = v; Lists.NoteStored(l, v); sp -= 3; continue; }
                        }
                        f->Sp = sp;
                        Items.Set(o, k, v);
                        sp -= 3;
                        continue;
                    }
                case Opcode.DeleteSubscr:
                    f->Sp = sp;
                    Items.Delete(sp[-2], sp[-1]);
                    sp -= 2;
                    continue;
                case Opcode.BuildSlice:
                    {
                        Value step = arg == 3 ? *--sp : Value.None;
                        var hi = *--sp; var lo = *--sp;
                        *sp++ = Slices.New(lo, hi, step);
                        continue;
                    }
                case Opcode.BuildTuple:
                    {
                        var t = Tuples.FromSpan(new ReadOnlySpan<Value>(sp - arg, arg));
                        sp -= arg;
                        *sp++ = t;
                        continue;
                    }
                case Opcode.BuildList:
                    {
                        var l = Lists.FromSpan(new ReadOnlySpan<Value>(sp - arg, arg));
                        sp -= arg;
                        *sp++ = l;
                        continue;
                    }
                case Opcode.BuildSet:
                    {
                        f->Sp = sp;
                        var s = BuildSet(code, (int)ip, sp, arg);
                        sp -= arg;
                        *sp++ = s;
                        continue;
                    }
                case Opcode.BuildMap:
                    {
                        f->Sp = sp;
                        var d = BuildMap(sp, arg);
                        sp -= 2 * arg;
                        *sp++ = d;
                        continue;
                    }
                case Opcode.BuildString:
                    {
                        var str = BuildString(sp, arg);
                        sp -= arg;
                        *sp++ = str;
                        continue;
                    }
                case Opcode.ListAppend:
                    {
                        var v = *--sp;
                        Lists.Append(sp[-arg], v);
                        continue;
                    }
                case Opcode.SetAdd:
                    {
                        f->Sp = sp;
                        var v = sp[-1];
                        Sets.Get(sp[-1 - arg]).Add(v);
                        sp--;
                        continue;
                    }
                case Opcode.MapAdd:
                    {
                        f->Sp = sp;
                        Dicts.Get(sp[-2 - arg]).Set(sp[-2], sp[-1]);
                        sp -= 2;
                        continue;
                    }
                case Opcode.ListExtend:
                    f->Sp = sp;
                    ListOps.Extend(sp[-1 - arg], sp[-1]);
                    sp--;
                    continue;
                case Opcode.SetUpdate:
                    f->Sp = sp;
                    SetOps.UpdateFrom(Sets.Get(sp[-1 - arg]), sp[-1]);
                    sp--;
                    continue;
                case Opcode.DictUpdate:
                    f->Sp = sp;
                    DictUpdate(sp[-1 - arg], sp[-1]);
                    sp--;
                    continue;
                case Opcode.DictMerge:
                    f->Sp = sp;
                    DictOps.Merge(sp[-1 - arg], sp[-1], sp[-3 - arg]);
                    sp--;
                    continue;
                case Opcode.ListToTuple:
                    sp[-1] = Tuples.FromSpan(Lists.ReadOnly(sp[-1]));
                    continue;
                case Opcode.UnpackSequence:
                    {
                        f->Sp = sp;
                        var seq = sp[-1];
                        if (seq.IsObject && (seq.Kind == ObjectKind.Tuple || seq.Kind == ObjectKind.List))
                        {
                            ReadOnlySpan<Value> items = seq.Kind == ObjectKind.Tuple ? Tuples.Span(seq) : Lists.ReadOnly(seq);
                            if (items.Length != arg) throw UnpackError(arg, items.Length, false);
                            sp--;
                            for (int i = arg - 1; i >= 0; i--) *sp++ = items[i];
                            continue;
                        }
                        sp = UnpackOther(sp, arg);
                        continue;
                    }
                case Opcode.UnpackEx: f->Sp = sp; sp = UnpackEx(sp, arg); continue;
                case Opcode.FormatValue:
                    {
                        f->Sp = sp;
                        Value spec = (arg & 4) != 0 ? sp[-1] : Value.Empty;
                        Value v = (arg & 4) != 0 ? sp[-2] : sp[-1];
                        var r = Formatting.FormatValue(v, arg & 3, spec);
                        if ((arg & 4) != 0) sp--;
                        sp[-1] = r;
                        continue;
                    }

                case Opcode.Jump:
                    if (arg < ip)
                    {
                        ip = arg;
                        f->Sp = sp;
                        if (NativeHeap.GcRequested) Gc.Collect();
                        if (typeof(TMode) != typeof(Stepping) && Tier != null)
                        {
                            switch (BackEdge(f, cr, (int)ip, out var tr))
                            {
                                case 1: ip = f->Ip; sp = f->Sp; break;
                                case 2: return tr;
                                case 3: exc = ThreadState.Pending; ThreadState.Pending = Value.Empty; goto unwind;
                            }
                        }
                        continue;
                    }
                    ip = arg;
                    continue;
                case Opcode.PopJumpIfFalse:
                    {
                        var v = sp[-1];
                        bool t;
                        if (v.IsBool) t = v.Payload != 0;
                        else { f->Sp = sp; t = Protocols.IsTrue(v); }
                        sp--;
                        if (!t) ip = arg;
                        continue;
                    }
                case Opcode.PopJumpIfTrue:
                    {
                        var v = sp[-1];
                        bool t;
                        if (v.IsBool) t = v.Payload != 0;
                        else { f->Sp = sp; t = Protocols.IsTrue(v); }
                        sp--;
                        if (t) ip = arg;
                        continue;
                    }
                case Opcode.PopJumpIfNone: if ((--sp)->IsNone) ip = arg; continue;
                case Opcode.PopJumpIfNotNone: if (!(--sp)->IsNone) ip = arg; continue;
                case Opcode.JumpIfFalseOrPop:
                    {
                        f->Sp = sp;
                        if (!Protocols.IsTrue(sp[-1])) ip = arg; else sp--;
                        continue;
                    }
                case Opcode.JumpIfTrueOrPop:
                    {
                        f->Sp = sp;
                        if (Protocols.IsTrue(sp[-1])) ip = arg; else sp--;
                        continue;
                    }
                case Opcode.GetIter:
                    {
                        f->Sp = sp;
                        bool fresh = sp[-1].IsObject && sp[-1].Kind is ObjectKind.Range or ObjectKind.List;
                        sp[-1] = Protocols.Iter(sp[-1]);
                        // A range's or list's new native iterator that only this loop's ForIter will see:
                        // freed when exhausted.
                        if (fresh && (Opcode)(byte)code[ip] == Opcode.ForIter
                            && sp[-1].Kind is ObjectKind.RangeIterator or ObjectKind.ListIterator)
                            ((ObjectHeader*)sp[-1].Ptr)->GcBits |= ObjectHeader.LoopOwnedBit;
                        continue;
                    }
                case Opcode.ForIter:
                    {
                        var it = sp[-1];
                        Value v;
                        var itKind = it.Kind;
                        // Native range and list iterators: no call, no allocation, nothing can raise.
                        if (itKind == ObjectKind.RangeIterator) v = NativeIterators.RangeNext((RangeIteratorObject*)it.Ptr);
                        else if (itKind == ObjectKind.ListIterator) v = NativeIterators.ListNext((ListIteratorObject*)it.Ptr);
                        else
                        {
                            f->Sp = sp;
                            if (itKind == ObjectKind.Iterator) v = Obj.Get<IteratorObject>(it).Next();
                            else if (itKind == ObjectKind.Generator)
                            {
                                var st = Generators.Resume(it, Value.None, out v);
                                if (st == GenState.Error) goto pending;
                                if (st == GenState.Returned) v = Value.Empty;
                            }
                            else v = Protocols.Next(it);
                        }
                        if (v.IsEmpty)
                        {
                            if (itKind is ObjectKind.RangeIterator or ObjectKind.ListIterator) NativeIterators.Exhausted(it);
                            sp--; ip = arg; continue;
                        }
                        *sp++ = v;
                        continue;
                    }
                case Opcode.ReturnValue:
                    {
                        var v = *--sp;
                        f->Sp = sp;
                        cr.ReturnsSeen |= ReturnProfile.Bit(v);
                        return v;
                    }

                case Opcode.MakeFunction: sp = MakeFunction(f, sp, arg); continue;
                case Opcode.Call:
                    {
                        Value callable = sp[-arg - 1];
                        f->Sp = sp;
                        Value r;
                        if (callable.IsObject && callable.Kind == ObjectKind.BoundMethod)
                        {
                            var bm = Obj.Get<BoundMethodObject>(callable);
                            sp[-arg - 1] = bm.Self;
                            r = Calls.InvokeRaw(bm.Func, new ReadOnlySpan<Value>(sp - arg - 1, arg + 1), Value.Empty);
                        }
                        else if (callable.IsObject && callable.Kind == ObjectKind.Function)
                            r = Calls.CallFunction(callable, new ReadOnlySpan<Value>(sp - arg, arg), Value.Empty, 0);
                        else r = Calls.InvokeRaw(callable, new ReadOnlySpan<Value>(sp - arg, arg), Value.Empty);
                        if (r.IsEmpty) goto pending;
                        sp -= arg;
                        sp[-1] = r;
                        continue;
                    }
                case Opcode.CallMethod:
                    {
                        Value func = sp[-arg - 2];
                        f->Sp = sp;
                        Value r;
                        // A Python function (a method found on the class): the call InvokeRaw would make.
                        int n = sp[-arg - 1].IsEmpty ? arg : arg + 1;
                        if (func.IsObject && func.Kind == ObjectKind.Function)
                            r = Calls.CallFunction(func, new ReadOnlySpan<Value>(sp - n, n), Value.Empty, 0);
                        else r = Calls.InvokeRaw(func, new ReadOnlySpan<Value>(sp - n, n), Value.Empty);
                        if (r.IsEmpty) goto pending;
                        sp -= arg + 1;
                        sp[-1] = r;
                        continue;
                    }
                case Opcode.CallKw:
                    {
                        Value kwnames = sp[-1];
                        Value callable = sp[-arg - 2];
                        f->Sp = sp;
                        Value r;
                        if (callable.IsObject && callable.Kind == ObjectKind.BoundMethod)
                        {
                            var bm = Obj.Get<BoundMethodObject>(callable);
                            sp[-arg - 2] = bm.Self;
                            r = Calls.InvokeRaw(bm.Func, new ReadOnlySpan<Value>(sp - arg - 2, arg + 1), kwnames);
                        }
                        else r = Calls.InvokeRaw(callable, new ReadOnlySpan<Value>(sp - 1 - arg, arg), kwnames);
                        if (r.IsEmpty) goto pending;
                        sp -= arg + 1;
                        sp[-1] = r;
                        continue;
                    }
                case Opcode.CallEx:
                    {
                        f->Sp = sp;
                        int nargs = (arg & 1) != 0 ? 2 : 1;
                        Value callable = sp[-nargs - 1];
                        Value r = CallEx(callable, sp[-nargs], (arg & 1) != 0 ? sp[-1] : Value.Empty);
                        if (r.IsEmpty) goto pending;
                        sp -= nargs;
                        sp[-1] = r;
                        continue;
                    }
                case Opcode.BuildClass:
                    {
                        f->Sp = sp;
                        int nbases = arg & 0xFF, nkw = arg >> 8, n = nbases + 2 + nkw + (nkw > 0 ? 1 : 0);
                        Value r = ClassBuilder.Build(new ReadOnlySpan<Value>(sp - n, n), nbases);
                        if (r.IsEmpty) goto pending;
                        sp -= n - 1;
                        sp[-1] = r;
                        continue;
                    }

                case Opcode.RaiseVarargs:
                    {
                        f->Sp = sp;
                        exc = Raise(f, cr, sp, arg);
                        goto unwind;
                    }
                case Opcode.PushExcInfo:
                    {
                        var e = sp[-1];
                        sp[-1] = ThreadState.Handled;
                        *sp++ = e;
                        ThreadState.Handled = e;
                        continue;
                    }
                case Opcode.PopExcept:
                    ThreadState.Handled = *--sp;
                    continue;
                case Opcode.CheckExcMatch:
                    {
                        f->Sp = sp;
                        bool m = Exceptions.MatchesSpec(sp[-2], sp[-1]);
                        sp[-1] = Value.Bool(m);
                        continue;
                    }
                case Opcode.Reraise:
                    {
                        exc = *--sp;
                        if (arg != 0) sp--; // lasti: only CPython's f_lineno uses it; the handler lookup uses this instruction
                        f->Sp = sp;
                        goto unwind;
                    }

                case Opcode.YieldValue:
                    {
                        var v = *--sp;
                        f->Sp = sp;
                        f->Ip = (int)ip;
                        f->Flags |= Frame.FlagYielded;
                        return v;
                    }
                case Opcode.GetYieldFromIter:
                    {
                        var v = sp[-1];
                        f->Sp = sp;
                        sp[-1] = Awaiting.YieldFromIter(v, cr);
                        continue;
                    }
                case Opcode.GetAwaitable:
                    f->Sp = sp;
                    sp[-1] = Awaiting.Awaitable(sp[-1]);
                    continue;
                case Opcode.Send:
                    {
                        f->Sp = sp;
                        Value it = sp[-2], v = sp[-1], r;
                        if (it.Is(ObjectKind.Generator))
                        {
                            var st = Generators.Resume(it, v, out r);
                            if (st == GenState.Error) goto pending;
                            if (st == GenState.Yielded) { sp[-1] = r; continue; }
                            sp--;
                            sp[-1] = r.IsEmpty ? Value.None : r;
                            ip = arg;
                            continue;
                        }
                        if (v.IsNone) r = Protocols.Next(it);
                        else r = Calls.Call(Attributes.Get(it, "send"), v);
                        if (r.IsEmpty) { sp--; sp[-1] = Value.None; ip = arg; continue; }
                        sp[-1] = r;
                        continue;
                    }

                case Opcode.ImportName:
                    {
                        f->Sp = sp;
                        var m = Imports.Import(cr.Names[arg]);
                        if (m.IsEmpty) goto pending;
                        *sp++ = m;
                        continue;
                    }
                case Opcode.ImportFrom:
                    {
                        f->Sp = sp;
                        var v = Imports.ImportFrom(sp[-1], cr.Names[arg]);
                        *sp++ = v;
                        continue;
                    }
                case Opcode.ImportStar:
                    f->Sp = sp;
                    Imports.ImportStar(sp[-1], ModuleObject.Of(Value.Obj(f->Globals)));
                    sp--;
                    continue;

                case Opcode.BeforeWith:
                    {
                        f->Sp = sp;
                        var r = ContextManagers.Enter(sp[-1], out var exit);
                        if (r.IsEmpty) goto pending;
                        sp[-1] = exit;
                        *sp++ = r;
                        continue;
                    }
                case Opcode.WithExceptStart:
                    {
                        f->Sp = sp;
                        var r = ContextManagers.ExitWithException(sp[-4], sp[-1]);
                        if (r.IsEmpty) goto pending;
                        *sp++ = r;
                        continue;
                    }
                default:
                    throw UnknownOpcode(cr, code[ip - 1], (int)ip - 1);
            }
        pending:
            exc = ThreadState.Pending;
            ThreadState.Pending = Value.Empty;
            Exceptions.AddTraceback(exc, cr, f->Ip);
        unwind:
            if (!Unwind(f, exc)) return Value.Empty;
            if (typeof(TMode) == typeof(Stepping)) return Stepped(StepResult.Handled);
            ip = f->Ip;
            sp = f->Sp;
        }
    }

    /// <summary>The slot cached for `cls` in the extra (polymorphic) entries of instruction ip, or -1.</summary>
    static int SlowSlot(CodeRuntime cr, int ip, nint cls, byte kind)
    {
        ref AttrCache c = ref cr.Find(ip, cls, kind, out bool found);
        return found ? c.Slot : -1;
    }

    /// <summary>The slot cached for a store of `v` into an instance of `cls` at ip, or -1 when there is
    /// none or the value's tag would widen the slot's type (the slow path records that).</summary>
    static int SlowStoreSlot(CodeRuntime cr, int ip, nint cls, Value v)
    {
        ref AttrCache c = ref cr.Find(ip, cls, 3, out bool found);
        return found && TagFits(c, v) ? c.Slot : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool FitsInInt32(long x) => (ulong)(x + 0x8000_0000L) <= uint.MaxValue;

    /// <summary>Whether a store of `v` keeps the records of a slot whose cache entry is `c` (its tag,
    /// and for a slot of instances of one class, v's class: attribute slots typed by one class).</summary>
    static bool TagFits(in AttrCache c, Value v) =>
        c.SlotTag == ClassObject.MixedTags
        || c.SlotTag == (byte)v.Tag && (c.SlotClass == 0 || ((ObjectHeader*)v.Payload)->Class == c.SlotClass);

    static bool AllConstants(int* code, int at, int n)
    {
        for (int i = 1; i <= n; i++)
            if (at - i < 0 || (Opcode)(byte)code[at - i] != Opcode.LoadConst) return false;
        return true;
    }

    static PyException UnpackError(int expected, int got, bool atLeast)
        => got < expected
            ? Errors.ValueErr($"not enough values to unpack (expected {(atLeast ? "at least " : "")}{expected}, got {got})")
            : Errors.ValueErr($"too many values to unpack (expected {expected})");

    static Value[] UnpackIterable(Value seq, int n, int _)
    {
        var it = Protocols.Iter(seq);
        using var root = TempRoots.Push(it);
        var items = new Value[n];
        var holder = Lists.New(n);
        using var root2 = TempRoots.Push(holder);
        for (int i = 0; i < n; i++)
        {
            var v = Protocols.Next(it);
            if (v.IsEmpty) throw UnpackError(n, i, false);
            items[i] = v;
            Lists.Append(holder, v);
        }
        if (!Protocols.Next(it).IsEmpty) throw UnpackError(n, n + 1, false);
        return items;
    }

    /// <summary>raise X: a class is instantiated with no arguments; an instance is used as is.</summary>
    static Value MakeRaisable(Value v)
    {
        if (v.Is(ObjectKind.Class))
        {
            var cls = ClassObject.Of(v);
            if (!cls.IsSubclassOf(Types.BaseException)) throw Errors.Type("exceptions must derive from BaseException");
            var e = Calls.Call(v);
            if (!Exceptions.IsException(e))
                throw Errors.Type($"calling {Repr.Of(v)} should have returned an instance of BaseException, not {Types.NameOf(e)}");
            return e;
        }
        if (Exceptions.IsException(v)) return v;
        throw Errors.Type("exceptions must derive from BaseException");
    }

    static Value CallEx(Value callable, Value args, Value kwargs)
    {
        if (!args.Is(ObjectKind.Tuple)) args = Tuples.FromSpan(Protocols.ToList(args).ToArray());
        var pos = Tuples.Span(args);
        if (kwargs.IsEmpty || Dicts.Get(kwargs).Count == 0)
        {
            if (callable.Is(ObjectKind.BoundMethod))
            {
                var bm = Obj.Get<BoundMethodObject>(callable);
                var buf = new Value[pos.Length + 1];
                buf[0] = bm.Self; pos.CopyTo(buf.AsSpan(1));
                return Calls.InvokeRaw(bm.Func, buf, Value.Empty);
            }
            return Calls.InvokeRaw(callable, pos, Value.Empty);
        }
        var d = Dicts.Get(kwargs);
        var all = new Value[pos.Length + d.Count];
        pos.CopyTo(all);
        var names = new Value[d.Count];
        int i = 0;
        foreach (var (k, v) in d.Items())
        {
            if (!k.Is(ObjectKind.Str)) throw Errors.Type("keywords must be strings");
            names[i] = k; all[pos.Length + i] = v; i++;
        }
        var kw = Tuples.FromSpan(names);
        using var r1 = TempRoots.Push(kw);
        return Calls.InvokeRaw(callable, all, kw);
    }

    static nint ResolveGlobalCell(CodeRuntime cr, int nameIndex)
    {
        var cell = cr.Module.CellFor(cr.Names[nameIndex]);
        cr.GlobalCells[nameIndex] = cell.Ptr;
        return cell.Ptr;
    }

    static Value LoadBuiltin(CodeRuntime cr, int nameIndex)
    {
        nint cell = cr.BuiltinCells[nameIndex];
        if (cell == 0)
        {
            var c = Builtins.Module.CellFor(cr.Names[nameIndex]);
            cr.BuiltinCells[nameIndex] = cell = c.Ptr;
        }
        var v = ((CellObject*)cell)->Value;
        if (v.IsEmpty) throw Errors.New(Types.NameError, $"name '{cr.Names[nameIndex]}' is not defined");
        return v;
    }

    /// <summary>Offers a back-edge to the JIT tier: 0 continue at the target, 1 continue at f->Ip/f->Sp,
    /// 2 the frame returned `result`, 3 the frame raised (ThreadState.Pending).</summary>
    static int BackEdge(Frame* f, CodeRuntime cr, int target, out Value result)
    {
        result = default;
        var tier = Tier!;
        if (tier.BackEdgeThreshold <= 0 || ++cr.BackEdgeCount < tier.BackEdgeThreshold) return 0;
        f->Ip = target;
        return tier.OnBackEdge(f, out result) switch
        {
            TierExit.ContinueAt => 1,
            TierExit.Returned => 2,
            TierExit.Raised => 3,
            _ => 0,
        };
    }
}
