// Gen<Op> for LoadMethod: a function found on an instance's class, or a builtin type's method,
// pushed without a lookup behind a class (or kind) check and the class-version check.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;
using RtTypes = Lbbv.Runtime.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class MethodOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>obj.m where the interpreter's cache says m is a function found on obj's class: check the
    /// class and that no class changed since, then push (function, obj) without a lookup.</summary>
    public bool GenLoadMethod(int name)
    {
        int obj = Top();
        if (Ops.BuiltinCalls.TryGenLoadModuleFunction(obj, name)) return true;
        if (MaySpeculate && BuiltinTypeMethod(obj, name, out var builtinReceiver, out var method))
            return GenLoadBuiltinMethod(obj, builtinReceiver, method);
        var caches = Ops.AttributeCaches;
        if (!MaySpeculate || !caches.TryCachedAttribute(K, obj, name, AttributeCaches.Method, out var entry)
            || !entry.Value.Is(ObjectKind.Function))
        {
            // At the cap: the classes the site has seen go on in machine code, the rest generically.
            if (!MaySpeculate && Ops.PolymorphicCaches.TryGenLoadMethodCases(name)) return Ops.Generic.GenGeneric(Opcode.LoadMethod, name);
            return caches.UnknownAttribute(obj) ? Speculation.Defer() : Ops.Generic.GenGeneric(Opcode.LoadMethod, name);
        }
        L.Runtime.KeepAlive(entry.Value);
        FlushOps();
        Guards.GuardClassVersion(entry.Version);
        if (Frame.KnownClass(obj) == entry.Class) Ops.Attributes.CountRecordClassCheckAvoided(obj);
        if (Frame.KnownClass(obj) == 0 && caches.TryClassSet(K, entry, out var classes)) Guards.GuardClassIn(obj, classes);
        else if (Frame.KnownClass(obj) != entry.Class)
        {
            Emit.CountClassCheck();
            Unit.Emit(S.Guards.Class, In(obj), Operand.Imm(entry.Class), Guards.Failure());
            Frame.NoteObject(obj, entry.Class);
        }
        int self = StackSlot(Depth);
        Unit.Emit(S.Frame.Move, In(obj), Operand.Slot(self));
        bool selfKnown = TryLive(obj, out var receiver);
        var known = Frame.PortableKnowledge(obj); // the receiver's class, when one class was checked
        Frame.Pop();
        // The method is that function (the class and its version are checked): a pending constant the
        // frame knows exactly, so CallMethod checks no function code.
        Frame.PushConstant(entry.Value, AbstractType.Function, exact: true);
        Frame.Push(AbstractType.Heap, selfKnown ? receiver : null); // an instance or an exception object of the class
        if (known.Class == entry.Class) Frame.NoteEntryClass(Top(), known); // a callee's entry may know self's class
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
        return RtTypes.Of(receiver).Dict.TryGetValue(Cr.Names[name], out method) && method.Is(ObjectKind.BuiltinFunction);
    }

    /// <summary>LoadMethod of a builtin type's method: a class (kind) check on the receiver (none
    /// when the frame knows its type), then the method constant and the receiver as self, as the
    /// interpreter's LoadMethod leaves them; no helper.</summary>
    private bool GenLoadBuiltinMethod(int obj, Value receiver, Value method)
    {
        var kind = receiver.Kind;
        L.Runtime.KeepAlive(method);
        FlushOps();
        Guards.GuardClassVersion(ClassObject.GlobalVersion);
        var kindType = TagMapping.FromObjectKind((byte)kind);
        // The receiver's class check, as for an instance's method: for builtin types the kind byte
        // is the class. Counted with the class checks, like Guard.Class on an instance. A kind with
        // no lattice type (set) is checked every time.
        if (kindType == AbstractType.Heap || TypeOf(obj) != kindType)
        {
            Emit.CountClassCheck();
            Unit.Emit(S.Guards.ObjectKind, In(obj), Operand.Imm((long)kind), Guards.Failure());
            if (kindType != AbstractType.Heap) Frame.SetType(obj, kindType);
        }
        int self = StackSlot(Depth);
        Unit.Emit(S.Frame.Move, In(obj), Operand.Slot(self));
        Unit.Emit(S.Frame.StoreObject, Operand.Slot(obj), Operand.Imm(method.Payload));
        Frame.Pop();
        Frame.Push(AbstractType.Heap, method);
        Frame.Push(kindType, receiver);
        return Done();
    }
}
