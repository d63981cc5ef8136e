// The bodies of the interpreter loop's rarely run ops (module-level names, displays of sets and
// dicts, unpacking iterables, making functions, raise), kept out of Run. Under Native AOT Run is
// compiled without a profile: every managed temporary of a case (a span, a string builder, an
// interpolated error message) was a GC-tracked stack slot that Run's prolog zeroed on every Python
// call, and each case's live values competed for the registers the hot ops need (sp, ip, f).
// Each helper is called with f->Sp already written back, as the op's own code was.
using System.Runtime.CompilerServices;
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

public static unsafe partial class Interpreter
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void DeleteGlobal(CodeRuntime cr, int arg)
    {
        nint cell = cr.GlobalCells[arg];
        if (cell == 0) cell = ResolveGlobalCell(cr, arg);
        if (((CellObject*)cell)->Value.IsEmpty)
            throw Errors.New(Types.NameError, $"name '{cr.Names[arg]}' is not defined");
        ModuleObject.Unbind((CellObject*)cell, cr.Names[arg]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value LoadName(Frame* f, CodeRuntime cr, int arg)
    {
        Value v = Value.Empty;
        if (f->Locals != 0) v = Dicts.Get(Value.Obj(f->Locals)).GetOrEmpty(Names.Str(cr, arg));
        if (v.IsEmpty)
        {
            nint cell = cr.GlobalCells[arg];
            if (cell == 0) cell = ResolveGlobalCell(cr, arg);
            v = ((CellObject*)cell)->Value;
            if (v.IsEmpty) v = LoadBuiltin(cr, arg);
        }
        return v;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void StoreName(Frame* f, CodeRuntime cr, int arg, Value v)
    {
        if (f->Locals != 0) Dicts.Get(Value.Obj(f->Locals)).Set(Names.Str(cr, arg), v);
        else
        {
            nint cell = cr.GlobalCells[arg];
            if (cell == 0) cell = ResolveGlobalCell(cr, arg);
            ModuleObject.Store((CellObject*)cell, cr.Names[arg], v);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void DeleteName(Frame* f, CodeRuntime cr, int arg)
    {
        bool ok;
        if (f->Locals != 0) ok = Dicts.Get(Value.Obj(f->Locals)).Remove(Names.Str(cr, arg), out _);
        else
        {
            nint cell = cr.GlobalCells[arg];
            if (cell == 0) cell = ResolveGlobalCell(cr, arg);
            ok = !((CellObject*)cell)->Value.IsEmpty;
            if (ok) ModuleObject.Unbind((CellObject*)cell, cr.Names[arg]);
        }
        if (!ok) throw Errors.New(Types.NameError, $"name '{cr.Names[arg]}' is not defined");
    }

    /// <summary>The set of the n values below sp; `ip` is the instruction after BuildSet.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value BuildSet(int* code, int ip, Value* sp, int n)
    {
        var s = new SetObject();
        bool iterated = OpcodeInfo.OpOf(code[ip]) == Opcode.GetIter;
        if ((n >= 3 || iterated && n > 0) && AllConstants(code, ip - 1, n))
        {
            // CPython 3.11 compiles a constant display {1, 2, 3} as BUILD_SET 0 +
            // frozenset constant + SET_UPDATE, and `for x in {1, 2}` iterates the
            // frozenset constant itself; either fixes a different table order.
            var frozen = new SetObject();
            // (the compiler's constant merging rebuilds the frozenset from its own order)
            for (int i = n; i > 0; i--) frozen.Add(sp[-i]);
            var merged = new SetObject();
            merged.Table.UpdateFrom(frozen.Table.ToList());
            if (iterated) s = merged;
            else s.Table.Update(merged.Table);
        }
        else for (int i = n; i > 0; i--) s.Add(sp[-i]);
        return Sets.New(s);
    }

    /// <summary>The dict of the n key, value pairs below sp.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value BuildMap(Value* sp, int n)
    {
        var d = new DictObject();
        for (int i = n; i > 0; i--) d.Set(sp[-2 * i], sp[-2 * i + 1]);
        return Dicts.New(d);
    }

    /// <summary>The concatenation of the n strings below sp.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value BuildString(Value* sp, int n)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = n; i > 0; i--) sb.Append(Strs.Get(sp[-i]));
        return Strs.New(sb.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void DictUpdate(Value dict, Value other)
    {
        if (!Dicts.IsMapping(other)) throw Errors.Type($"'{Types.NameOf(other)}' object is not a mapping");
        DictOps.Update(dict, other);
    }

    /// <summary>UnpackSequence of anything but a tuple or a list: replaces sp[-1] by its n items
    /// (the first on top); returns the new sp.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value* UnpackOther(Value* sp, int n)
    {
        var seq = sp[-1];
        if (!seq.IsObject || seq.Kind is ObjectKind.BigInt or ObjectKind.Function or ObjectKind.Class)
            throw Errors.Type($"cannot unpack non-iterable {Types.NameOf(seq)} object");
        var all = UnpackIterable(seq, n, -1);
        sp--;
        for (int i = n - 1; i >= 0; i--) *sp++ = all[i];
        return sp;
    }

    /// <summary>UnpackEx (a starred target): replaces sp[-1] by its items; returns the new sp.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value* UnpackEx(Value* sp, int arg)
    {
        int before = arg & 0xff, after = arg >> 8;
        var all = Protocols.ToList(sp[-1]);
        if (all.Count < before + after)
            throw Errors.ValueErr($"not enough values to unpack (expected at least {before + after}, got {all.Count})");
        sp--;
        for (int i = all.Count - 1; i >= all.Count - after; i--) *sp++ = all[i];
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all);
        *sp++ = Lists.FromSpan(items[before..(all.Count - after)]);
        for (int i = before - 1; i >= 0; i--) *sp++ = all[i];
        return sp;
    }

    /// <summary>MakeFunction: pops the code object and the parts `arg` names, pushes the function;
    /// returns the new sp.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value* MakeFunction(Frame* f, Value* sp, int arg)
    {
        var fcode = Obj.Get<CodeRuntime>(*--sp);
        var fd = new FunctionData(fcode.Code.Name, fcode.Code.QualName)
        {
            Code = fcode, Globals = Value.Obj(f->Globals),
        };
        if ((arg & 8) != 0) fd.Closure = *--sp;
        if ((arg & 2) != 0) fd.KwDefaults = *--sp;
        if ((arg & 1) != 0) fd.Defaults = *--sp;
        *sp++ = Functions.New(fd);
        return sp;
    }

    /// <summary>RaiseVarargs: the exception to unwind with (`raise`, `raise X`, `raise X from Y`),
    /// its context and traceback entry set as the op did.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static Value Raise(Frame* f, CodeRuntime cr, Value* sp, int arg)
    {
        if (arg == 0)
        {
            var handled = ThreadState.Handled;
            if (handled.IsNone || handled.IsEmpty)
                throw Errors.New(Types.RuntimeError, "No active exception to reraise");
            return handled;
        }
        Value cause = arg == 2 ? sp[-1] : Value.Empty;
        var exc = MakeRaisable(arg == 2 ? sp[-2] : sp[-1]);
        if (arg == 2)
        {
            var e = Exceptions.Data(exc);
            if (cause.IsNone) { e.Cause = Value.None; }
            else
            {
                var c = cause.Is(ObjectKind.Class) ? MakeRaisable(cause) : cause;
                if (!Exceptions.IsException(c)) throw Errors.Type("exception causes must derive from BaseException");
                e.Cause = c;
            }
            e.SuppressContext = true;
        }
        Exceptions.SetContext(exc);
        Exceptions.AddTraceback(exc, cr, f->Ip);
        return exc;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static InvalidOperationException UnknownOpcode(CodeRuntime cr, int instr, int ip)
        => new($"unknown opcode {(Opcode)(byte)instr} at {ip} in {cr.Code.QualName}");
}
