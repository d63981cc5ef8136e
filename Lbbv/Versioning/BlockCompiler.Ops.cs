// Gen<Op>: one method per bytecode op the versioning compiler specializes; the rest run through
// the interpreter's implementation (GenGeneric) or exit to the interpreter.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    private int _noSpeculationAt = -1;
    private string? _versionNote;

    /// <summary>Emits the op at _k; false when it ended the version.</summary>
    private bool GenOp()
    {
        int instr = _cr.Instrs[_k];
        var op = OpcodeInfo.OpOf(instr);
        int arg = OpcodeInfo.ArgOf(instr);
        if (_options.KeepListings) _unit.Annotate(_versionNote is { } header ? $"{header}\n;   @{_k} {op} {arg}" : $"@{_k} {op} {arg}");
        // An op that emits nothing (a pending LoadFast or LoadConst) hands the version's header on
        // to the next op's code, where the listing shows it.
        string? versionNote = _versionNote;
        int sizeBefore = _unit.Size;
        _versionNote = null;
        // Ops that read their operands through In() may find them pending; every other op finds the
        // whole operand stack in the frame.
        if (!OpTable.Of(op).Has(OpTraits.LazyOperands)) MaterializeAll();
        bool more = op switch
        {
            Opcode.Nop => Done(),
            Opcode.PopTop => GenPopTop(),
            Opcode.Copy => GenCopy(arg),
            Opcode.Swap => GenSwap(arg),
            Opcode.BuildTuple => GenBuildTuple(arg),
            Opcode.LoadConst => GenLoadConst(arg),
            Opcode.LoadFast => GenLoadFast(arg),
            Opcode.StoreFast => GenStoreFast(arg),
            Opcode.LoadDeref => GenLoadDeref(arg),
            Opcode.StoreDeref => GenStoreDeref(arg),
            Opcode.LoadGlobal => GenLoadGlobal(arg),
            Opcode.StoreGlobal => GenStoreGlobal(arg),
            Opcode.BinaryOp => GenBinaryOp(arg),
            Opcode.UnaryNegative => GenUnaryNegative(),
            Opcode.UnaryInvert => GenUnaryInvert(),
            Opcode.CompareOp => GenCompareOp(arg),
            Opcode.PopJumpIfFalse => GenPopJumpIf(arg, jumpIfTrue: false),
            Opcode.PopJumpIfTrue => GenPopJumpIf(arg, jumpIfTrue: true),
            Opcode.PopJumpIfNone => GenPopJumpIfNone(arg, jumpIfNone: true),
            Opcode.PopJumpIfNotNone => GenPopJumpIfNone(arg, jumpIfNone: false),
            Opcode.JumpIfFalseOrPop => GenJumpIfOrPop(arg, jumpIfTrue: false),
            Opcode.JumpIfTrueOrPop => GenJumpIfOrPop(arg, jumpIfTrue: true),
            Opcode.Jump => GenJump(arg),
            Opcode.ForIter => GenForIter(arg),
            Opcode.GetIter => GenGetIter(),
            Opcode.ReturnValue => GenReturnValue(),
            Opcode.BinarySubscr => GenBinarySubscr(),
            Opcode.StoreSubscr => GenStoreSubscr(),
            Opcode.LoadAttr => GenLoadAttr(arg),
            Opcode.StoreAttr => GenStoreAttr(arg),
            Opcode.Call => GenCall(arg),
            Opcode.CallMethod => GenCallMethod(arg),
            Opcode.LoadMethod => GenLoadMethod(arg),
            Opcode.UnaryNot => GenUnaryNot(),
            Opcode.ContainsOp => GenContainsOp(arg),
            Opcode.BuildList => GenBuildSequence(arg, list: true),
            Opcode.BuildSlice => GenBuildSlice(arg),
            _ => GenGeneric(op, arg),
        };
        _noSpeculationAt = -1;
        if (_unit.Size == sizeBefore && more) _versionNote ??= versionNote;
        return more;
    }

    private bool Done(int ops = 1)
    {
        OpDone(ops);
        return true;
    }

    /// <summary>Runs the op through the interpreter's implementation (a helper call), or leaves to
    /// the interpreter. What the op does to the context comes from its row in the opcode table: the
    /// entries it pops become Unknown, the ones it pushes too but for the result type the op
    /// guarantees, and the slot of a MakeCell holds a cell.</summary>
    private bool GenGeneric(Opcode op, int arg)
    {
        var spec = OpTable.Of(op);
        if (!spec.Has(OpTraits.Steppable)) return ExitHere(ExitReason.Unsupported);
        FlushOps();
        CallHelper(OpHelpers.GenericOpAddress);
        int before = _depth, from = Math.Max(0, before - spec.Pops.For(arg));
        _depth += spec.NetEffect(arg, jump: false);
        for (int e = from; e < Math.Max(before, _depth); e++)
        {
            int slot = StackSlot(e);
            _ctx = _ctx.With(slot, AbstractType.Unknown);
            ForgetLive(slot);
            _alias[slot] = -1;
        }
        var result = OpResults.TypeOf(spec.Result);
        if (result != AbstractType.Unknown && _depth > from) _ctx = _ctx.With(Top(), result);
        if (spec.Local is LocalAccess.MakeCell or LocalAccess.Delete)
        {
            Array.Clear(_knownObject); // it rewrites a local
            _ctx = _ctx.With(arg, spec.Local == LocalAccess.MakeCell ? AbstractType.Heap : AbstractType.Empty);
        }
        return Done();
    }

    // ---- stack and frame

    private bool GenPopTop()
    {
        Pop();
        return Done();
    }

    private bool GenCopy(int n)
    {
        int src = Top(n - 1), dst = StackSlot(_depth);
        bool pending = _pending[src], constant = _constantPending[src];
        if (!pending && !constant) _unit.Emit(_s.Frame.Move, Operand.Slot(src), Operand.Slot(dst));
        Push(TypeOf(src), src, _alias[src]);
        _pending[dst] = pending; // a copy of a pending copy is another pending copy of the same local
        _constantPending[dst] = constant;
        _constant[dst] = _constant[src];
        _exactObject[dst] = _exactObject[src];
        return Done();
    }

    private bool GenSwap(int n)
    {
        if (n == 2 && TryGenSwapStoreAttr()) return true;
        MaterializeAll();
        if (_depth >= _cr.MaxStack) return GenGeneric(Opcode.Swap, n);
        // The slot above the stack top is inside the frame (depth < MaxStack) and dead here.
        SwapEntries(Top(), Top(n - 1));
        return Done();
    }

    /// <summary>`a, b = b, a`: BuildTuple n then UnpackSequence n in the same block only reverses the
    /// top n entries; no tuple is built, and the entries keep their types. (Longer tuples, as in
    /// bigint's `q, r, t, k, m, x = ...`, build the tuple: reversing them too was measured to add
    /// versions and chains there without removing type tests.)</summary>
    private bool GenBuildTuple(int n)
    {
        int next = _k + 1;
        bool fused = n is >= 2 and <= 3 && next < _shape.Length && !_shape.IsBlockStart(next)
            && _cr.Instrs[next] == OpcodeInfo.Encode(Opcode.UnpackSequence, n) && _depth < _cr.MaxStack;
        if (!fused) return GenBuildSequence(n, list: false);
        SwapEntries(Top(), Top(n - 1)); // n is 2 or 3: the middle entry stays
        return Done(2);
    }

    /// <summary>Exchanges two materialized stack entries through the dead slot above the stack top.</summary>
    private void SwapEntries(int top, int bottom)
    {
        int scratch = StackSlot(_depth);
        _unit.Emit(_s.Frame.Move, Operand.Slot(top), Operand.Slot(scratch));
        _unit.Emit(_s.Frame.Move, Operand.Slot(bottom), Operand.Slot(top));
        _unit.Emit(_s.Frame.Move, Operand.Slot(scratch), Operand.Slot(bottom));
        var (typeTop, typeBottom) = (TypeOf(top), TypeOf(bottom));
        _ctx = _ctx.With(top, typeBottom).With(bottom, typeTop);
        (_alias[top], _alias[bottom]) = (_alias[bottom], _alias[top]);
        (_liveKnown[top], _liveKnown[bottom]) = (_liveKnown[bottom], _liveKnown[top]);
        (_liveValue[top], _liveValue[bottom]) = (_liveValue[bottom], _liveValue[top]);
        (_exactObject[top], _exactObject[bottom]) = (_exactObject[bottom], _exactObject[top]);
    }

    private bool GenLoadConst(int index)
    {
        var value = _cr.Consts[index];
        int dst = StackSlot(_depth);
        AbstractType type;
        switch (value.Tag)
        {
            case Tag.Int or Tag.Float or Tag.Bool or Tag.None:
                // No code: the entry stays a pending constant until something needs it written
                // (an op with an immediate form never does).
                PushPeeked(TagMapping.FromTag((byte)value.Tag, 0), value);
                _constantPending[dst] = true;
                _constant[dst] = value;
                return Done();
            case Tag.Object:
                // Constants are permanent roots: the pointer stays valid for the whole run.
                _unit.Emit(_s.Frame.StoreObject, Operand.Slot(dst), Operand.Imm(value.Payload));
                type = TagMapping.FromObjectKind((byte)value.Kind);
                break;
            default:
                return GenGeneric(Opcode.LoadConst, index);
        }
        Push(type);
        return Done();
    }

    private bool GenLoadFast(int local)
    {
        var type = TypeOf(local);
        if (type == AbstractType.Empty) return ExitHere(ExitReason.Unbound);
        if (type == AbstractType.Unknown)
        {
            FlushOps();
            Guard(local, AbstractType.Bound, ColdExit(ExitReason.Unbound));
            type = AbstractType.Bound;
        }
        // No code: the stack entry stays a pending copy of the local until something needs it written.
        int dst = StackSlot(_depth);
        Push(type, local, local);
        _pending[dst] = true;
        return Done();
    }

    private bool GenStoreFast(int local)
    {
        int top = Top();
        ForgetAliasesOf(local); // pending copies of the local's old value are written first
        if (_constantPending[top])
            EmitConstant(_constant[top], local);
        else if (!(_pending[top] && _alias[top] == local))
            _unit.Emit(ForResult(_s.Frame.Move, local, TypeOf(top)), In(top), Operand.Slot(local));
        _ctx = _ctx.With(local, TypeOf(top));
        _liveKnown[local] = _liveKnown[top];
        _liveValue[local] = _liveValue[top];
        Pop();
        return Done();
    }

    private bool GenLoadDeref(int slot)
    {
        int dst = StackSlot(_depth);
        FlushOps();
        _unit.Emit(_s.Cell.Load, Operand.Slot(slot), Operand.Slot(dst));
        CountTypeTest();
        _unit.Emit(_s.Guards.NotEmpty, Operand.Slot(dst), ColdExit(ExitReason.Unbound));
        Push(AbstractType.Bound);
        return Done();
    }

    private bool GenStoreDeref(int slot)
    {
        _unit.Emit(_s.Cell.Store, Operand.Slot(Top()), Operand.Slot(slot));
        Pop();
        return Done();
    }

    private nint GlobalCell(int name)
    {
        nint cell = _cr.GlobalCells[name];
        if (cell == 0) _cr.GlobalCells[name] = cell = _cr.Module.CellFor(_cr.Names[name]).Ptr;
        return cell;
    }

    private bool GenLoadGlobal(int name)
    {
        nint cell = GlobalCell(name);
        int dst = StackSlot(_depth);
        FlushOps();
        // SAFETY: module cells live as long as their module; the compiler reads the current value only to pick a path.
        nint builtin = _cr.BuiltinCells[name];
        if (builtin == 0 && ((CellObject*)cell)->Value.IsEmpty)
            _cr.BuiltinCells[name] = builtin = Builtins.Module.CellFor(_cr.Names[name]).Ptr;
        if (((CellObject*)cell)->Value.IsEmpty && !((CellObject*)builtin)->Value.IsEmpty)
            return GenLoadBuiltin(dst, cell, ((CellObject*)builtin)->Value);
        if (_noSpeculationAt != _k && IsWatchable(((CellObject*)cell)->Value))
            return GenLoadWatchedGlobal(dst, (CellObject*)cell);
        _unit.Emit(_s.Frame.LoadCell, Operand.Pointer(cell), Operand.Slot(dst));
        CountTypeTest();
        _unit.Emit(_s.Guards.NotEmpty, Operand.Slot(dst), ColdExit(ExitReason.Unbound));
        // What the cell holds now is a guess for what it will hold (calls check the callee's identity).
        PushPeeked(AbstractType.Bound, ((CellObject*)cell)->Value);
        return Done();
    }

    /// <summary>Functions, classes and modules bound to module globals are rarely rebound: JIT code
    /// reads them as constants.</summary>
    private static bool IsWatchable(Value value) =>
        value.IsObject && value.Kind is ObjectKind.Function or ObjectKind.Class or ObjectKind.Module;

    /// <summary>A global holding a function, class or module: the cell is marked watched, so that
    /// rebinding or deleting it bumps the class version (<see cref="ModuleObject.BeforeWrite"/>,
    /// and the StoreCell stencil leaves a watched cell's store to the interpreter's op), and behind
    /// the class-version check, shared with the attribute ops, the value is a constant: no test
    /// that the global is bound, and a call of it needs no identity check (CPython's specializer
    /// guards such globals with the module dict's version; PyPy calls them quasi-immutable).</summary>
    private bool GenLoadWatchedGlobal(int dst, CellObject* cell)
    {
        // SAFETY: a live module cell; setting the flag before reading the version makes any later
        // rebinding bump the version this code checks.
        cell->Header.GcBits |= ObjectHeader.WatchedBit;
        return PushGlobalConstant(dst, cell->Value);
    }

    /// <summary>Pushes a global's object as a constant, valid while the class version is the one
    /// read now (checked here unless already checked in this stretch of code). Like a LoadConst of
    /// a number it is pending: written only when something reads it from the frame (a direct call
    /// of it never does).</summary>
    private bool PushGlobalConstant(int dst, Value value)
    {
        GuardClassVersion(ClassObject.GlobalVersion);
        _tier.KeepAlive(value);
        PushPeeked(TagMapping.FromTag((byte)value.Tag, (byte)value.Kind), value);
        _constantPending[dst] = true;
        _constant[dst] = value;
        _exactObject[dst] = (nint)value.Payload;
        return Done();
    }

    /// <summary>A global that names a builtin (the module's cell is unbound). Builtins never change
    /// (a program cannot reach the builtins module), and binding a module global that shadows a
    /// builtin bumps the class version (<see cref="ModuleObject.BeforeWrite"/>), so behind the
    /// class-version check, shared with the attribute ops, the builtin is a constant: no test of
    /// the module cell, none of the builtin's cell, and a call of it needs no identity check.
    /// Without speculation (at the version cap) the module cell is tested each time.</summary>
    private bool GenLoadBuiltin(int dst, nint moduleCell, Value value)
    {
        if (_noSpeculationAt != _k && value.IsObject) return PushGlobalConstant(dst, value);
        _unit.Emit(_s.Frame.LoadCell, Operand.Pointer(moduleCell), Operand.Slot(dst));
        // The global must still be unbound, then the builtin's cell is read.
        var isBuiltin = _unit.NewLabel();
        CountTypeTest();
        _unit.Emit(_s.Guards.NotEmpty, Operand.Slot(dst), isBuiltin);
        // The global was bound since: leave through the cold exit, which writes the pending
        // stack entries first (an exit straight from here left them stale).
        _unit.Emit(_s.Control.Jump, ColdExit(ExitReason.GuardFailed));
        _unit.Bind(isBuiltin);
        EmitConstant(value, dst);
        PushPeeked(AbstractType.Bound, value);
        return Done();
    }

    private bool GenUnaryNot()
    {
        int top = Top();
        var t = Speculate(top, AbstractType.Bool, out bool guard);
        if (t != AbstractType.Bool) return GenGeneric(Opcode.UnaryNot, 0);
        FlushOps();
        if (guard) Guard(top, AbstractType.Bool, ChainTarget(_ctx));
        Materialize(top); // flipped in place: never in the local it copies
        _unit.Emit(_s.Frame.FlipBool, Operand.Slot(top));
        ForgetLive(top);
        _alias[top] = -1;
        SetType(top, AbstractType.Bool);
        return Done();
    }

    private bool GenStoreGlobal(int name)
    {
        // Binding a global that shadows a builtin must bump the class version: the interpreter's op does.
        // (Checked at compile time: builtin names never change.)
        if (!Builtins.Module.Get(_cr.Names[name]).IsEmpty) return GenGeneric(Opcode.StoreGlobal, name);
        nint cell = GlobalCell(name);
        FlushOps();
        var rejoin = _unit.NewLabel();
        // A watched cell (read as a constant by JIT code) is stored by the interpreter's op, which
        // bumps the class version first.
        _unit.Emit(_s.Frame.StoreCell, In(Top()), Operand.Pointer(cell), ColdHelper(rejoin));
        _unit.Bind(rejoin);
        Pop();
        return Done();
    }

    /// <summary>A tuple or list display: built by a helper (no interpreter step).</summary>
    private bool GenBuildSequence(int n, bool list) =>
        GenHelperOp(OpHelpers.BuildSequenceAddress, n, list ? AbstractType.List : AbstractType.Tuple, (long)n << 1 | (list ? 1L : 0L));

    /// <summary>`in` / `not in`: the runtime's membership test from a helper (no interpreter step).</summary>
    private bool GenContainsOp(int invert) => GenHelperOp(OpHelpers.ContainsAddress, 2, AbstractType.Bool, invert);

    private bool GenReturnValue()
    {
        _pendingOps++;
        FlushOps();
        // Every caller takes the value from the VM state's return cell (a caller in machine code,
        // and LbbvTier for the interpreter): the frame is done, so nothing is materialized and a
        // local is returned straight from its slot.
        _unit.Emit(_s.Invoke.StoreReturn, In(Top()));
        _unit.Emit(_s.Control.Exit, _stats.ExitCounter(ExitReason.Return), ExitOperand(ExitReason.Return, _k));
        return false;
    }

    // ---- speculation

    private static bool IsLeaf(AbstractType t) => t is AbstractType.Int or AbstractType.Float or AbstractType.Bool
        or AbstractType.None or AbstractType.Str or AbstractType.List or AbstractType.Tuple or AbstractType.Dict
        or AbstractType.Instance or AbstractType.Function or AbstractType.Iterator;

    /// <summary>The type to specialize <paramref name="slot"/> on: the context's when it is exact,
    /// else what the live value has (when the compiler may look: nothing when that is not a leaf
    /// type), else <paramref name="guess"/>
    /// (Unknown: no idea). <paramref name="needsGuard"/> says a type test must prove it.</summary>
    private AbstractType Speculate(int slot, AbstractType guess, out bool needsGuard)
    {
        var known = TypeOf(slot);
        needsGuard = false;
        if (IsLeaf(known)) return known;
        needsGuard = true;
        if (_noSpeculationAt == _k) return AbstractType.Unknown;
        // A live value of another kind (a big int where an int is guessed) would fail the guess's
        // guard at once, and a chain compiled there would guess again: no speculation then.
        if (Peek(slot) is { } seen) return IsLeaf(seen) && seen.IsSubtypeOf(known) ? seen : AbstractType.Unknown;
        return guess.IsSubtypeOf(known) ? guess : AbstractType.Unknown;
    }

    /// <summary>True when the op should end the version and be compiled when reached, so that the
    /// live values can be seen (YJIT's defer_compilation): only mid-version and with no guess.</summary>
    private bool ShouldDefer() => _k != _version.Offset && _noSpeculationAt != _k;

    private bool Defer()
    {
        FlushOps();
        _unit.Emit(_s.Control.Jump, BranchTarget(_k, _ctx));
        return false;
    }
}
