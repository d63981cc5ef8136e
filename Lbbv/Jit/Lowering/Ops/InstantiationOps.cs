// `C(args)` in machine code: the instance is allocated by a helper and the class's `__init__` is
// entered directly, as a direct call enters a function (CallOps.cs).
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;
using RtTypes = Lbbv.Runtime.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class InstantiationOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>A call of a plain class (no builtin base, not an exception, no metaclass) whose `__init__` is a
    /// plain Python function taking exactly the arguments and always returning None:
    /// <list type="number">
    /// <item>the callable is checked to be this class (a chain otherwise) and no class changed since
    /// compilation (so `__init__` is still the one found here);</item>
    /// <item><c>OpHelpers.NewInstance</c> allocates the instance into the slot above the arguments
    /// (the frame's spare slot at most), which the caller's Sp covers from then on;</item>
    /// <item>`__init__`'s frame is pushed with the instance as self and entered through an indirect
    /// slot, as a direct call does; its return value (None) is dropped and the instance becomes
    /// the call's result.</item>
    /// </list>
    /// False, with nothing emitted, when the call does not qualify.</summary>
    public bool TryGenCallClass(int argc, int functionSlot, Value callable)
    {
        var calls = Ops.Calls;
        var cls = ClassObject.Of(callable);
        if (cls.IsBuiltin || cls.IsException || cls.BuiltinBase is not null && cls.BuiltinBase != RtTypes.Object) return false;
        if (cls.Meta is not null) return false; // a metaclass may define __call__ (fixed per class: no guard needed)
        if (Instantiation.HasOwnNew(cls)) return false; // (a __new__ added later bumps the class version)
        var init = cls.Lookup("__init__");
        if (Depth >= Cr.MaxStack || !calls.DirectCallable(init, argc + 1, out var data, out var callee)) return false;
        if (!data.Closure.IsEmpty || !AlwaysReturnsNone(callee)) return false;
        int firstArgument = functionSlot + 1, instance = StackSlot(Depth);
        var argumentTypes = new AbstractType[argc + 1];
        argumentTypes[0] = AbstractType.Instance;
        for (int i = 0; i < argc; i++) argumentTypes[i + 1] = TypeOf(firstArgument + i);
        var calleeCode = callee.Code;
        if (!Policy.TryCalleeEntry(callee, argumentTypes, "init", out var entry)) return false;
        L.Runtime.KeepAlive(callable);
        L.Runtime.KeepAlive(init);
        L.Runtime.KeepAlive(data.Globals);

        Frame.MaterializeAll(); // the helper, the callee's frame and the collector see the caller's whole stack
        FlushOps();
        if (!Frame.HoldsExactly(functionSlot, callable)) Guards.GuardIdentity(functionSlot, callable); // else a class read as a constant
        Guards.GuardClassVersion(ClassObject.GlobalVersion);
        var done = Unit.NewLabel();
        var generic = Emit.ColdHelper(done); // a full frame stack: the interpreter's Call raises as it does
        EmitNewInstance(cls, argc, instance);
        calls.EmitPushFrame(S.Invoke.PushFrameOf, Operand.Imm(init.Payload), StackSlot(Depth + 1), calleeCode, data.Globals, generic);
        Unit.Emit(S.Invoke.Argument, Operand.Slot(instance), Operand.Slot(0));
        for (int i = 0; i < argc; i++) Unit.Emit(S.Invoke.Argument, Operand.Slot(firstArgument + i), Operand.Slot(i + 1));
        for (int i = argc + 1; i < calleeCode.SlotCount; i++) Unit.Emit(S.Invoke.ClearLocal, Operand.Slot(i));
        // __init__ returned None (AlwaysReturnsNone): the result is the instance. FinishInit, for a
        // callee that left its machine code, leaves the instance in the result slot itself.
        calls.EmitEnterCallee(entry, functionSlot, calls.FinishSlowly(done, init: true));
        Unit.Emit(S.Frame.Move, Operand.Slot(instance), Operand.Slot(functionSlot));
        Emit.Rejoin(done);

        Frame.Pop(argc + 1);
        Frame.Push(AbstractType.Instance);
        return Done();
    }

    /// <summary>The instance, into <paramref name="instance"/> (the slot above the call's operands):
    /// allocated by machine code with the slots the class's layout has now inside its cell (as
    /// Instances.New makes it then; an instance that gets more attributes grows as any other), or
    /// by the helper when the free list is empty, a collection is due, or the class has too many
    /// slots to fit a small cell.</summary>
    private void EmitNewInstance(ClassObject cls, int argc, int instance)
    {
        // A class whose instances have no attribute yet (compiled before its first __init__ ran):
        // room for a few, as Instances.Set would grow them to.
        int slots = cls.SlotNames.Count == 0 ? 4 : cls.SlotNames.Count;
        int cell = (Layout.InstanceSize + slots * Layout.ValueSize + NativeHeap.Granule - 1) & -NativeHeap.Granule;
        if (cell > NativeHeap.MaxSmall)
        {
            Emit.CallHelper(OpHelpers.NewInstanceAddress, argc);
            return;
        }
        var rejoin = Unit.NewLabel();
        var slow = Emit.ColdHelper(rejoin, OpHelpers.NewInstanceAddress, argc);
        int sizeClass = cell / NativeHeap.Granule;
        long header = (long)ObjectKind.Instance | (long)sizeClass << (8 * Layout.HeaderSizeClass);
        int freeHead = HeapStateLayout.FreeCells + 8 * (sizeClass - 1);
        Unit.Emit(S.Allocation.NewInstance, Operand.Slot(instance), Operand.Pointer(cls.Self.Ptr), Operand.Imm(header),
            Operand.Imm(freeHead), Operand.Imm(cell), Operand.Imm(slots), Operand.Pointer((nint)NativeHeap.State),
            Operand.To(slow));
        Stats.InlineInstancesEmitted++;
        Emit.Rejoin(rejoin);
    }

    /// <summary>Every ReturnValue of the code returns the constant None (`return`, or the end of
    /// the body): the LoadConst None before it is in the same block.</summary>
    private static bool AlwaysReturnsNone(JitCode code)
    {
        for (int k = 0; k < code.Shape.Length; k++)
        {
            if (OpcodeInfo.OpOf(code.InstrAt(k)) != Opcode.ReturnValue) continue;
            if (k == 0 || code.Shape.IsBlockStart(k)) return false;
            int previous = code.InstrAt(k - 1);
            if (OpcodeInfo.OpOf(previous) != Opcode.LoadConst || !code.ConstantAt(OpcodeInfo.ArgOf(previous)).IsNone) return false;
        }
        return true;
    }
}
