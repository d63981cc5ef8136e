// Gen<Op> for calls of builtins that declare their result type (`len`: Int, `isinstance`: Bool,
// `math.sqrt`: Float): the result is pushed typed, and a C function of one float is called from
// machine code. `math.sqrt` itself (LoadMethod of a module's builtin function) is a constant.
// `isinstance(v, (str, list))`: the tuple of builtin classes is a constant, and the result too when
// v's type is known.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class BuiltinCallOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>A call of a builtin function that always returns one immediate type: the callable is
    /// checked to be that function (a payload compare; any other value chains to code for it)
    /// unless it is a builtin read as a constant, and the result is pushed typed, so the ops after
    /// the call need no type test on it. <paramref name="method"/>: a CallMethod whose self entry is
    /// known Empty (`math.sqrt(x)`), one more input than a Call.</summary>
    public bool GenCallTypedBuiltin(int argc, int functionSlot, Value callable, Tag resultTag, bool method = false)
    {
        FlushOps();
        L.Runtime.KeepAlive(callable);
        if (!Frame.HoldsExactly(functionSlot, callable)) Guards.GuardIdentity(functionSlot, callable);
        int inputs = argc + (method ? 2 : 1);
        if (!method && argc == 2 && IsInstanceBuiltin(callable) && KnownIsInstance() is { } known)
        {
            // `isinstance(v, cls)` of a value whose exact builtin type is known: a constant, no call.
            Frame.Pop(inputs);
            Frame.PushConstant(Value.Bool(known), AbstractType.Bool, exact: false);
            Stats.IsInstanceFoldsEmitted++;
            return Done();
        }
        if (argc == 1 && Obj.Get<BuiltinFunctionObject>(callable).CFunction is { } cFunction
            && TryGenCallCFunction(functionSlot, cFunction, inputs))
            return true;
        return Ops.Generic.GenHelperOp(method ? OpHelpers.CallMethodAddress : OpHelpers.CallAddress, inputs,
            TagMapping.FromTag((byte)resultTag, 0), argc);
    }

    /// <summary>`(str, list, tuple)` as the second argument of `isinstance`: BuildTuple of builtin
    /// classes read as constants (behind the class-version check, GlobalOps) straight before the call
    /// of the builtin `isinstance`. The tuple is built once, at compile time, and pushed as a constant:
    /// isinstance only reads it, so no program can tell it from a tuple built per call.</summary>
    public bool TryGenIsInstanceClasses(int n)
    {
        int next = K + 1;
        if (!MaySpeculate || n < 1 || Depth < n + 2 || next >= Shape.Length || Shape.IsBlockStart(next)
            || L.Code.InstrAt(next) != OpcodeInfo.Encode(Opcode.Call, 2)
            || ExactConstant(Top(n + 1)) is not { } callable || !IsInstanceBuiltin(callable))
            return false;
        var classes = new Value[n];
        for (int i = 0; i < n; i++)
        {
            if (ExactConstant(Top(n - 1 - i)) is not { } c || !IsBuiltinClass(c)) return false;
            classes[i] = c;
        }
        var key = (Cr.Id, K);
        if (!_classTuples.TryGetValue(key, out var tuple) || !SameItems(tuple, classes))
            _classTuples[key] = tuple = Tuples.FromSpan(classes);
        L.Runtime.KeepAlive(tuple);
        Frame.Pop(n);
        Frame.PushConstant(tuple, AbstractType.Tuple, exact: true);
        Stats.ConstantClassTuplesEmitted++;
        return Done();
    }

    private readonly Dictionary<(int Code, int Offset), Value> _classTuples = [];

    /// <summary>The object <paramref name="slot"/> is known to hold exactly (a constant), or null.</summary>
    private Value? ExactConstant(int slot) => TryLive(slot, out var v) && Frame.HoldsExactly(slot, v) ? v : null;

    private static bool SameItems(Value tuple, Value[] items) => Tuples.Span(tuple).SequenceEqual(items);

    private static bool IsInstanceBuiltin(Value callable) => callable.Same(Builtins.Module.Get("isinstance"));

    private static bool IsBuiltinClass(Value v) => v.Is(ObjectKind.Class) && ClassObject.Of(v).IsBuiltin;

    /// <summary>The result of the `isinstance(Top(1), Top())` about to be called when the value's
    /// type is an exact builtin one and the classes are builtin constants (no `__instancecheck__`):
    /// null when it depends on the value.</summary>
    private bool? KnownIsInstance()
    {
        if (!MaySpeculate || ExactConstant(Top()) is not { } spec) return null;
        var type = ClassOfType(TypeOf(Top(1)));
        if (type is null) return null;
        if (IsBuiltinClass(spec)) return Matches(type, spec);
        if (!spec.Is(ObjectKind.Tuple)) return null;
        bool any = false;
        foreach (var c in Tuples.Span(spec))
        {
            if (!IsBuiltinClass(c)) return null;
            any |= Matches(type, c);
        }
        return any;
    }

    private static bool Matches(ClassObject type, Value cls) =>
        type == ClassObject.Of(cls) || type.IsSubclassOf(ClassObject.Of(cls));

    /// <summary>The class of every value of <paramref name="type"/>, for the exact builtin types.</summary>
    private static ClassObject? ClassOfType(AbstractType type) => type switch
    {
        AbstractType.Int => Runtime.Types.Int,
        AbstractType.Float => Runtime.Types.Float,
        AbstractType.Bool => Runtime.Types.Bool,
        AbstractType.None => Runtime.Types.NoneType,
        AbstractType.Str => Runtime.Types.Str,
        AbstractType.List => Runtime.Types.List,
        AbstractType.Tuple => Runtime.Types.Tuple,
        AbstractType.Dict => Runtime.Types.Dict,
        _ => null,
    };

    /// <summary>`math.sqrt` as LoadMethod leaves it for a call (the function, then an Empty self),
    /// when the receiver is a module read as a constant and the name is bound to a builtin function
    /// there: the function is a constant behind the class-version check, as a global function is
    /// (its module cell is watched: a store or `del` through the module bumps the version), so the
    /// call that follows needs no identity check and is typed by the builtin.</summary>
    public bool TryGenLoadModuleFunction(int obj, int name)
    {
        if (!MaySpeculate || !TryLive(obj, out var receiver) || !receiver.Is(ObjectKind.Module)
            || !Frame.HoldsExactly(obj, receiver))
            return false;
        var cell = (CellObject*)ModuleObject.Of(receiver).CellFor(Cr.Names[name]).Ptr;
        // SAFETY: a live module cell; the watched bit is set before the version is read (GlobalOps).
        var function = cell->Value;
        if (!function.Is(ObjectKind.BuiltinFunction)) return false;
        cell->Header.GcBits |= ObjectHeader.WatchedBit;
        FlushOps();
        Guards.GuardClassVersion(ClassObject.GlobalVersion);
        L.Runtime.KeepAlive(function);
        Frame.Pop();
        Frame.PushConstant(function, AbstractType.Heap, exact: true);
        Unit.Emit(S.Frame.Clear, Operand.Slot(StackSlot(Depth)));
        Frame.Push(AbstractType.Empty);
        return Done();
    }

    /// <summary>`math.sin(x)` and the like on a float or an int (proved or speculated): libm's
    /// function called from machine code (<c>Float.CallUnary</c>), as the math module computes it
    /// through .NET's Math. A non-finite argument or result (the module's ValueError and
    /// OverflowError among them) takes the slow path: the call through the interpreter's op.</summary>
    private bool TryGenCallCFunction(int functionSlot, string cFunction, int inputs)
    {
        int argument = Top();
        var type = Speculation.Speculate(argument, AbstractType.Float, out bool guard);
        if (type is not (AbstractType.Float or AbstractType.Int)) return false;
        if (guard) Guards.Guard(argument, type, Guards.Failure());
        Frame.MaterializeAll(); // the slow path makes the call from the frame's stack
        FlushOps();
        // The slow path then calls with the float: the module converts an int argument first too.
        if (type == AbstractType.Int) Operands.ConvertToFloat(argument);
        var rejoin = Unit.NewLabel();
        // The slow path calls the math function on a float: no Python code runs, so no list, class
        // or global changes, and what this code knew of them still holds after the call.
        var kinds = Frame.SaveElementKinds();
        var globals = Frame.SaveGlobals();
        int epoch = Frame.ListEpoch;
        bool versionChecked = Frame.ClassVersionChecked;
        Unit.Emit(S.Float.CallUnary, In(argument), In(functionSlot), Operand.Pointer(CFunction(cFunction)),
            Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        KeepAcrossPureCall(kinds, epoch, versionChecked);
        Frame.RestoreGlobals(globals);
        Frame.Pop(inputs);
        Frame.Push(AbstractType.Float);
        return Done();
    }

    /// <summary>After a call that runs no Python code (libm's function, or the math module's on a float):
    /// the element kinds, the list epoch, the class-version check (and the globals) known before it hold again
    /// (counted as <c>lbbv_pure_calls_keeping_kinds_emitted</c>).</summary>
    private void KeepAcrossPureCall(byte[] kinds, int epoch, bool versionChecked)
    {
        Frame.RestoreElementKinds(kinds);
        Frame.RestoreListEpoch(epoch);
        if (versionChecked) Frame.NoteClassVersionChecked();
        Stats.PureCallsKeepingKindsEmitted++;
    }

    /// <summary>libm's <c>double name(double)</c>, named in listings as <c>libm:name</c>.</summary>
    private nint CFunction(string name)
    {
        nint address = CFunctions.Unary(name);
        L.Backend.RegisterHelper($"libm:{name}", address);
        return address;
    }
}
