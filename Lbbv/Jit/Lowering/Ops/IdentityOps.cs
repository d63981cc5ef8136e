// `x is None` / `x is not None` as a value (a return, an assignment; CPython's compiler turns the
// branch forms into PopJumpIfNone/PopJumpIfNotNone): the tag compare that is the op's meaning, inline,
// instead of the interpreter's IsOp stepped by the generic helper.
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class IdentityOps(Lowerer lowerer) : OpFamily(lowerer)
{
    public bool GenIsOp(int invert)
    {
        int a = Top(1), b = Top(0);
        // None is one value (tag None, payload 0), so identity with it is a tag compare.
        int other = TypeOf(b) == AbstractType.None ? a : TypeOf(a) == AbstractType.None ? b : -1;
        if (other < 0) return Ops.Generic.GenGeneric(Opcode.IsOp, invert);
        bool isNot = invert != 0;
        var known = TypeOf(other);
        if (known == AbstractType.None || (known != AbstractType.Unknown && !AbstractType.None.IsSubtypeOf(known)))
        {
            // The type decides: no code.
            bool same = known == AbstractType.None;
            Frame.Pop(2);
            Frame.PushConstant(Value.Bool(same != isNot), AbstractType.Bool, exact: false);
            return Done();
        }
        var value = In(other);
        FlushOps();
        int dst = a; // the result replaces the lower operand, as the interpreter's op leaves it
        var notNone = Unit.NewLabel();
        var done = Unit.NewLabel();
        // The op's own compare, not a speculation: not counted as a type test.
        Unit.Emit(S.Guards.None, value, notNone);
        Operands.EmitConstant(Value.Bool(!isNot), dst);
        Unit.Emit(S.Control.Jump, Operand.To(done));
        Unit.Bind(notNone);
        Operands.EmitConstant(Value.Bool(isNot), dst);
        Unit.Bind(done);
        Frame.Pop(2);
        Frame.Push(AbstractType.Bool);
        return Done();
    }
}
