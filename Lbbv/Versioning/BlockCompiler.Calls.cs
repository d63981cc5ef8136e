// Gen<Op> for calls: a call whose callee is a known Python function (the callable the compiler saw,
// checked by identity) pushes the callee's frame and calls its machine code through an indirect
// slot whose stub compiles the callee's entry for the argument types the caller knows — no .NET
// on the way in or out. Anything else runs the interpreter's implementation of the call.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;
using RtTypes = Lbbv.Runtime.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
{
    private bool GenCall(int argc)
    {
        if (IsRangeLoop(argc)) return GenRangeIter(argc);
        return GenCallFunction(Opcode.Call, argc, Top(argc), argc > 0 ? Top(argc - 1) : StackSlot(_depth), argc);
    }

    /// <summary>`for i in range(...)`: a call of the builtin range followed by GetIter in this block.</summary>
    private bool IsRangeLoop(int argc)
    {
        int next = _k + 1;
        return argc is >= 1 and <= 3 && next < _shape.Length && !_shape.IsBlockStart(next)
            && OpcodeInfo.OpOf(_cr.Instrs[next]) == Opcode.GetIter
            && TryLive(Top(argc), out var callable) && callable.Same(Runtime.Types.Range.Self);
    }

    /// <summary>range(...) then GetIter as one helper call that builds the native range iterator
    /// directly (no range object); the helper runs both ops as the interpreter does when the
    /// callable is not range or an argument is not an int.</summary>
    private bool GenRangeIter(int argc)
    {
        FlushOps();
        CallHelper(OpHelpers.RangeIterAddress, argc);
        Pop(argc + 1);
        Push(AbstractType.Heap);
        OpDone(2);
        if (_k < _shape.Length && OpcodeInfo.OpOf(_cr.Instrs[_k]) == Opcode.ForIter) _iteratorHints[_k] = IteratorGuess.Range;
        return true;
    }

    private bool GenCallMethod(int argc)
    {
        int function = Top(argc + 1), self = Top(argc);
        // LoadMethod left (function, self) for a method and (callable, Empty) otherwise; a
        // non-empty self is checked below unless known.
        if (TryLive(self, out var selfValue) && selfValue.IsEmpty) return GenGeneric(Opcode.CallMethod, argc);
        return GenCallFunction(Opcode.CallMethod, argc, function, self, argc + 1);
    }

    /// <summary>obj.m where the interpreter's cache says m is a function found on obj's class: check the
    /// class and that no class changed since, then push (function, obj) without a lookup.</summary>
    private bool GenLoadMethod(int name)
    {
        int obj = Top();
        if (_noSpeculationAt != _k && BuiltinTypeMethod(obj, name, out var builtinReceiver, out var method))
            return GenLoadBuiltinMethod(obj, builtinReceiver, method);
        if (_noSpeculationAt == _k || !TryCachedAttribute(obj, name, 2, out var entry) || !entry.Value.Is(ObjectKind.Function))
            return UnknownAttribute(obj) ? Defer() : GenGeneric(Opcode.LoadMethod, name);
        _tier.KeepAlive(entry.Value);
        FlushOps();
        GuardClassVersion(entry.Version);
        if (KnownClass(obj) == 0 && TryClassSet(entry, out var classes)) GuardClassIn(obj, classes);
        else if (KnownClass(obj) != entry.Class)
        {
            CountClassCheck();
            _unit.Emit(_s.Guards.Class, In(obj), Operand.Imm(entry.Class), ClassMismatch());
            NoteClass(obj, entry.Class);
        }
        int self = StackSlot(_depth);
        _unit.Emit(_s.Frame.Move, In(obj), Operand.Slot(self));
        _unit.Emit(_s.Frame.StoreObject, Operand.Slot(obj), Operand.Imm(entry.Value.Payload));
        bool selfKnown = TryLive(obj, out var receiver);
        Pop();
        PushPeeked(AbstractType.Function, entry.Value);
        PushPeeked(AbstractType.Heap, selfKnown ? receiver : null); // an instance or an exception object of the class
        return Done();
    }

    /// <summary>A method of a builtin type (`list.append`, `str.lower`, `dict.get`, `set.add`) when
    /// the live receiver is a str, list, tuple, dict or set (an object of that kind is exactly that
    /// type: subclass instances are Instance objects). Its class's dict holds the method; builtin
    /// types take no attribute stores (a class-version guard checks that anyway).</summary>
    private bool BuiltinTypeMethod(int obj, int name, out Value receiver, out Value method)
    {
        method = default;
        if (!TryLive(obj, out receiver) || !receiver.IsObject) return false;
        if (receiver.Kind is not (ObjectKind.Str or ObjectKind.List or ObjectKind.Tuple or ObjectKind.Dict or ObjectKind.Set)) return false;
        return RtTypes.Of(receiver).Dict.TryGetValue(_cr.Names[name], out method) && method.Is(ObjectKind.BuiltinFunction);
    }

    /// <summary>LoadMethod of a builtin type's method: a class (kind) check on the receiver (none
    /// when the context knows its type), then the method constant and the receiver as self, as the interpreter's
    /// LoadMethod leaves them; no helper.</summary>
    private bool GenLoadBuiltinMethod(int obj, Value receiver, Value method)
    {
        var kind = receiver.Kind;
        _tier.KeepAlive(method);
        FlushOps();
        GuardClassVersion(ClassObject.GlobalVersion);
        var kindType = TagMapping.FromObjectKind((byte)kind);
        // The receiver's class check, as for an instance's method: for builtin types the kind byte
        // is the class. Counted with the class checks, like Guard.Class on an instance. A kind with
        // no lattice type (set) is checked every time.
        if (kindType == AbstractType.Heap || TypeOf(obj) != kindType)
        {
            CountClassCheck();
            _unit.Emit(_s.Guards.ObjectKind, In(obj), Operand.Imm((long)kind), ClassMismatch());
            if (kindType != AbstractType.Heap) SetType(obj, kindType);
        }
        int self = StackSlot(_depth);
        _unit.Emit(_s.Frame.Move, In(obj), Operand.Slot(self));
        _unit.Emit(_s.Frame.StoreObject, Operand.Slot(obj), Operand.Imm(method.Payload));
        Pop();
        PushPeeked(AbstractType.Heap, method);
        PushPeeked(kindType, receiver);
        return Done();
    }

    /// <summary>Calls the function in <paramref name="functionSlot"/> with the <paramref name="nargs"/>
    /// values from <paramref name="firstArgument"/>; the result replaces the op's inputs.</summary>
    private bool GenCallFunction(Opcode op, int arg, int functionSlot, int firstArgument, int nargs)
    {
        if (!TryLive(functionSlot, out var callable)) return ShouldDefer() ? Defer() : GenGeneric(op, arg);
        if (op == Opcode.Call && callable.Is(ObjectKind.BuiltinFunction) && _noSpeculationAt != _k
            && Obj.Get<BuiltinFunctionObject>(callable).ResultTag is { } resultTag)
            return GenCallTypedBuiltin(arg, functionSlot, callable, resultTag);
        if (op == Opcode.Call && callable.Is(ObjectKind.Class) && _noSpeculationAt != _k && TryGenCallClass(arg, functionSlot, callable))
            return true;
        if (!DirectCallable(callable, nargs, out var data, out var callee)) return GenCallHelper(op, arg);
        var calleeCode = callee.Code;
        var argumentTypes = new AbstractType[nargs];
        for (int i = 0; i < nargs; i++) argumentTypes[i] = TypeOf(firstArgument + i);
        if (!TryCalleeEntry(callee, argumentTypes, "call", out var entry)) return GenGeneric(op, arg);
        _tier.KeepAlive(data.Globals); // the module: its pointer is in the code

        // Every entry is written except arguments that are pending copies of locals: those are
        // copied into the callee's frame straight from the local, and the caller's recorded Sp
        // stops below the callable, so the collector never reads their unwritten slots. The slow
        // paths write them first (ColdPath, with Frame.Move: r10/r11 only, since FinishSlowly's path
        // holds the exit record in rax), as the interpreter's Call and FinishCall expect. Constants
        // are written here too: the frame push and the argument copies keep the new frame in rax.
        for (int slot = StackSlot(0); slot < firstArgument; slot++) Materialize(slot);
        for (int i = 0; i < nargs; i++)
            if (_constantPending[firstArgument + i]) Materialize(firstArgument + i);
        int cells = data.Closure.IsEmpty ? 0 : (int)Tuples.Count(data.Closure), firstCell = calleeCode.SlotCount - cells;
        // A function read as a constant (a watched global) is that function: no check, and its
        // frame is pushed with the function as an immediate.
        bool exact = HoldsExactly(functionSlot, callable);
        FlushOps();
        var rejoin = _unit.NewLabel();
        var generic = ColdHelper(rejoin);
        // Any function object of this code will do (each call of an outer function makes a new
        // closure): its code, globals and shape are the same; its closure cells are read below.
        if (!exact)
        {
            if (TypeOf(functionSlot) == AbstractType.Function) CountClassCheck(); else CountTypeTest();
            _unit.Emit(_s.Guards.FunctionCode, Operand.Slot(functionSlot), Operand.Imm(calleeCode.Id), generic);
        }
        if (op == Opcode.CallMethod && !TypeOf(firstArgument).IsSubtypeOf(AbstractType.Bound))
        {
            CountTypeTest();
            _unit.Emit(_s.Guards.NotEmpty, In(firstArgument), generic);
        }

        int depthAfter = _depth + StackEffects.Of(op, arg, jump: false);
        int result = StackSlot(depthAfter - 1);
        if (exact)
            EmitPushFrame(_s.Invoke.PushFrameOf, Operand.Imm(callable.Payload), functionSlot, calleeCode, data.Globals, generic);
        else
            EmitPushFrame(_s.Invoke.PushFrame, Operand.Slot(functionSlot), functionSlot, calleeCode, data.Globals, generic);
        for (int i = 0; i < nargs; i++) _unit.Emit(_s.Invoke.Argument, In(firstArgument + i), Operand.Slot(i));
        for (int i = nargs; i < firstCell; i++) _unit.Emit(_s.Invoke.ClearLocal, Operand.Slot(i));
        for (int i = 0; i < cells; i++) _unit.Emit(_s.Invoke.ClosureCell, Operand.Slot(functionSlot), Operand.Slot(i), Operand.Slot(firstCell + i));
        EmitEnterCallee(entry, result, FinishSlowly(rejoin));
        _unit.Bind(rejoin);

        Pop(_depth - depthAfter + 1);
        Push(AbstractType.Bound);
        return Done();
    }

    /// <summary>A call the compiler does not enter directly (a builtin function or method, a class,
    /// a bound method, ...): the runtime's call from a helper, as the interpreter's op makes it,
    /// without the interpreter's one-instruction step around it.</summary>
    private bool GenCallHelper(Opcode op, int argc) => op == Opcode.Call
        ? GenHelperOp(OpHelpers.CallAddress, argc + 1, AbstractType.Bound, argc)
        : GenHelperOp(OpHelpers.CallMethodAddress, argc + 2, AbstractType.Bound, argc);

    /// <summary>A call of a builtin function that always returns one immediate type (`len`: Int,
    /// `isinstance`: Bool, `math.sqrt`: Float): the callable is checked to be that function (a
    /// payload compare; any other value chains to a version for it) unless it is a builtin read
    /// as a constant (<see cref="GenLoadBuiltin"/>), and the result is pushed
    /// typed, so the ops after the call need no type test on it.</summary>
    private bool GenCallTypedBuiltin(int argc, int functionSlot, Value callable, Tag resultTag)
    {
        FlushOps();
        _tier.KeepAlive(callable);
        if (!HoldsExactly(functionSlot, callable)) GuardIdentity(functionSlot, callable);
        if (argc == 1 && Obj.Get<BuiltinFunctionObject>(callable).CFunction is { } cFunction && TryGenCallCFunction(functionSlot, cFunction))
            return true;
        return GenHelperOp(OpHelpers.CallAddress, argc + 1, TagMapping.FromTag((byte)resultTag, 0), argc);
    }

    /// <summary>`math.sin(x)` and the like on a float or an int (proved or speculated): libm's
    /// function called from machine code (<c>Float.CallUnary</c>), as the math module computes it
    /// through .NET's Math. A non-finite argument or result (the module's ValueError and
    /// OverflowError among them) takes the slow path: the call through the interpreter's op.</summary>
    private bool TryGenCallCFunction(int functionSlot, string cFunction)
    {
        int argument = Top();
        var type = Speculate(argument, AbstractType.Float, out bool guard);
        if (type is not (AbstractType.Float or AbstractType.Int)) return false;
        if (guard) Guard(argument, type, ChainTarget(_ctx));
        MaterializeAll(); // the slow path makes the call from the frame's stack
        FlushOps();
        // The slow path then calls with the float: the module converts an int argument first too.
        if (type == AbstractType.Int) ConvertToFloat(argument);
        var rejoin = _unit.NewLabel();
        _unit.Emit(_s.Float.CallUnary, Operand.Slot(argument), Operand.Slot(functionSlot), Operand.Pointer(_tier.CFunction(cFunction)), ColdHelper(rejoin));
        _unit.Bind(rejoin);
        Pop(2);
        Push(AbstractType.Float);
        return Done();
    }

    /// <summary>A plain Python function the call can enter directly: exact positional arity, not a
    /// generator, code the tier compiles (closures too: their cells are copied from the function).</summary>
    private bool DirectCallable(Value callable, int nargs, out FunctionData data, out CodeVersions callee)
    {
        data = null!;
        callee = null!;
        if (!callable.Is(ObjectKind.Function)) return false;
        data = Functions.Data(callable);
        var code = data.Code;
        if (code.IsGenerator || !code.SimpleArgs || code.ArgCount != nargs) return false;
        if (_tier.VersionsOf(code) is not { } cv) return false;
        callee = cv;
        return true;
    }

    /// <summary>The indirect slot a direct call enters the callee through: its stub compiles the
    /// callee's entry version for <paramref name="argumentTypes"/>. False when data space is out.</summary>
    private bool TryCalleeEntry(CodeVersions callee, ReadOnlySpan<AbstractType> argumentTypes, string kind, out IndirectSlot entry) =>
        _tier.TryAllocateSlot(new CompileRequest(RequestKind.Block, callee, 0, CalleeEntryContext(callee, argumentTypes)),
            $"{callee.Code.Code.QualName}@0:{kind}", out entry);

    /// <summary>Pushes the callee's frame (a full frame stack or the recursion limit goes to
    /// <paramref name="fail"/>), the caller stopped at this op with its Sp at <paramref name="callerSp"/>.</summary>
    private void EmitPushFrame(Stencil pushFrame, Operand function, int callerSp, CodeRuntime calleeCode, Value globals, Label fail) =>
        _unit.Emit(pushFrame,
            Operand.Imm(Frame.SizeFor(calleeCode)), Operand.Slot(callerSp), Operand.Imm(_k),
            function, Operand.Imm(globals.Payload), Operand.Imm(calleeCode.Id),
            Operand.Imm(calleeCode.SlotCount), Operand.Imm(FrameLayout.HeaderSize + calleeCode.SlotCount * Layout.ValueSize),
            fail);

    /// <summary>Runs the callee whose frame is filled: its return value goes to <paramref name="resultSlot"/>,
    /// any other way out of its machine code to <paramref name="finish"/>.</summary>
    private void EmitEnterCallee(IndirectSlot entry, int resultSlot, Label finish)
    {
        if (_stats.DirectCalls is { } calls) _unit.Emit(_s.Counter.Increment, calls);
        _unit.Emit(_s.Invoke.Call, entry);
        _unit.Emit(_s.Invoke.Returned, Operand.Imm((long)ExitReason.Return), Operand.Slot(resultSlot), finish);
        _stats.DirectCallsEmitted++;
        _classVersionChecked = false; // the callee may have changed a class
    }

    /// <summary>The callee's entry context: the argument types the caller knows, its closure's cells
    /// (heap objects), every other local unbound.</summary>
    private static TypeContext CalleeEntryContext(CodeVersions callee, ReadOnlySpan<AbstractType> arguments)
    {
        var context = TypeContext.Generic;
        var code = callee.Code.Code;
        int firstFree = code.VarNames.Length + code.CellVars.Length;
        int slots = Math.Min(callee.Code.SlotCount, TypeContext.Capacity);
        for (int i = 0; i < slots; i++)
            context = context.With(i, i < arguments.Length ? arguments[i] : i < firstFree ? AbstractType.Empty : AbstractType.Heap);
        return callee.Canonical(context, 0);
    }

    /// <summary>The callee left its machine code without returning: finish it in the interpreter
    /// (for a class's `__init__`, the call's result is the new instance).</summary>
    private Label FinishSlowly(Label rejoin, bool init = false)
    {
        long k = _k, depth = _depth;
        nint finish = init ? CallHelpers.FinishInitAddress : CallHelpers.FinishCallAddress;
        return ColdPath(() =>
        {
            _unit.Emit(_s.Invoke.Finish, Operand.Pointer(finish), Operand.Imm(k), Operand.Imm(depth), Operand.To(_returnStatus));
            _unit.Emit(_s.Control.Jump, Operand.To(rejoin));
        });
    }

    /// <summary>The object in <paramref name="slot"/> is exactly <paramref name="expected"/>: a payload
    /// compare when the slot is known to hold a heap object (a class check), else a tag and payload
    /// test (a type test; an int whose value equals the pointer must not pass). Failure chains.</summary>
    private void GuardIdentity(int slot, Value expected)
    {
        bool heap = TypeOf(slot).IsSubtypeOf(AbstractType.Heap);
        if (heap) CountClassCheck(); else CountTypeTest();
        _unit.Emit(heap ? _s.Guards.PayloadIs : _s.Guards.ObjectIs, In(slot), Operand.Imm(expected.Payload), ChainTarget(_ctx));
    }
}
