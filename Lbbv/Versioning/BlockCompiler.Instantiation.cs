// `C(args)` in machine code: the instance is allocated by a helper and the class's `__init__` is
// entered directly, as a direct call enters a function (BlockCompiler.Calls.cs).
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;
using RtTypes = Lbbv.Runtime.Types;

namespace Lbbv.Versioning;

internal sealed unsafe partial class BlockCompiler
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
    private bool TryGenCallClass(int argc, int functionSlot, Value callable)
    {
        var cls = ClassObject.Of(callable);
        if (cls.IsBuiltin || cls.IsException || cls.BuiltinBase is not null && cls.BuiltinBase != RtTypes.Object) return false;
        if (cls.Meta is not null) return false; // a metaclass may define __call__ (fixed per class: no guard needed)
        var init = cls.Lookup("__init__");
        if (_depth >= _cr.MaxStack || !DirectCallable(init, argc + 1, out var data, out var callee)) return false;
        if (!data.Closure.IsEmpty || !AlwaysReturnsNone(callee)) return false;
        int firstArgument = functionSlot + 1, instance = StackSlot(_depth);
        var argumentTypes = new AbstractType[argc + 1];
        argumentTypes[0] = AbstractType.Instance;
        for (int i = 0; i < argc; i++) argumentTypes[i + 1] = TypeOf(firstArgument + i);
        var calleeCode = callee.Code;
        if (!TryCalleeEntry(callee, argumentTypes, "init", out var entry)) return false;
        _tier.KeepAlive(callable);
        _tier.KeepAlive(init);
        _tier.KeepAlive(data.Globals);

        MaterializeAll(); // the helper, the callee's frame and the collector see the caller's whole stack
        FlushOps();
        if (!HoldsExactly(functionSlot, callable)) // else a class read as a constant
        {
            if (!TypeOf(functionSlot).IsSubtypeOf(AbstractType.Heap))
            {
                CountTypeTest();
                _unit.Emit(_s.Guards.Object, Operand.Slot(functionSlot), ChainTarget(_ctx));
            }
            CountClassCheck();
            _unit.Emit(_s.Guards.PayloadIs, Operand.Slot(functionSlot), Operand.Imm(callable.Payload), ChainTarget(_ctx));
        }
        GuardClassVersion(ClassObject.GlobalVersion);
        var done = _unit.NewLabel();
        var generic = ColdHelper(done); // a full frame stack: the interpreter's Call raises as it does
        CallHelper(OpHelpers.NewInstanceAddress, argc);
        EmitPushFrame(_s.Invoke.PushFrameOf, Operand.Imm(init.Payload), StackSlot(_depth + 1), calleeCode, data.Globals, generic);
        _unit.Emit(_s.Invoke.Argument, Operand.Slot(instance), Operand.Slot(0));
        for (int i = 0; i < argc; i++) _unit.Emit(_s.Invoke.Argument, Operand.Slot(firstArgument + i), Operand.Slot(i + 1));
        for (int i = argc + 1; i < calleeCode.SlotCount; i++) _unit.Emit(_s.Invoke.ClearLocal, Operand.Slot(i));
        // __init__ returned None (AlwaysReturnsNone): the result is the instance. FinishInit, for a
        // callee that left its machine code, leaves the instance in the result slot itself.
        EmitEnterCallee(entry, functionSlot, FinishSlowly(done, init: true));
        _unit.Emit(_s.Frame.Move, Operand.Slot(instance), Operand.Slot(functionSlot));
        _unit.Bind(done);

        Pop(argc + 1);
        Push(AbstractType.Instance);
        return Done();
    }

    /// <summary>Every ReturnValue of the code returns the constant None (`return`, or the end of
    /// the body): the LoadConst None before it is in the same block.</summary>
    private static bool AlwaysReturnsNone(CodeVersions code)
    {
        var cr = code.Code;
        for (int k = 0; k < code.Shape.Length; k++)
        {
            if (OpcodeInfo.OpOf(cr.Instrs[k]) != Opcode.ReturnValue) continue;
            if (k == 0 || code.Shape.IsBlockStart(k)) return false;
            int previous = cr.Instrs[k - 1];
            if (OpcodeInfo.OpOf(previous) != Opcode.LoadConst || !cr.Consts[OpcodeInfo.ArgOf(previous)].IsNone) return false;
        }
        return true;
    }
}
