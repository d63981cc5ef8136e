// Gen<Op> for calls of builtins that declare their result type (`len`: Int, `isinstance`: Bool,
// `math.sqrt`: Float): the result is pushed typed, and a C function of one float is called from
// machine code. `math.sqrt` itself (LoadMethod of a module's builtin function) is a constant.
using Lbbv.Backend.Emission;
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
        if (argc == 1 && Obj.Get<BuiltinFunctionObject>(callable).CFunction is { } cFunction
            && TryGenCallCFunction(functionSlot, cFunction, inputs))
            return true;
        return Ops.Generic.GenHelperOp(method ? OpHelpers.CallMethodAddress : OpHelpers.CallAddress, inputs,
            TagMapping.FromTag((byte)resultTag, 0), argc);
    }

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
        Unit.Emit(S.Float.CallUnary, In(argument), In(functionSlot), Operand.Pointer(CFunction(cFunction)),
            Emit.ColdHelper(rejoin));
        Emit.Rejoin(rejoin);
        Frame.Pop(inputs);
        Frame.Push(AbstractType.Float);
        return Done();
    }

    /// <summary>libm's <c>double name(double)</c>, named in listings as <c>libm:name</c>.</summary>
    private nint CFunction(string name)
    {
        nint address = CFunctions.Unary(name);
        L.Backend.RegisterHelper($"libm:{name}", address);
        return address;
    }
}
