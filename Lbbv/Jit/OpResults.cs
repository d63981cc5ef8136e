// The opcode table's result kinds as the JIT's abstract types.
using Lbbv.Bytecode;
using Lbbv.Types;

namespace Lbbv.Jit;

public static class OpResults
{
    /// <summary>The abstract type of what an op leaves on top whatever its operands are (<see cref="OpSpec.Result"/>).</summary>
    public static AbstractType TypeOf(OpResult result) => result switch
    {
        OpResult.Bool => AbstractType.Bool,
        OpResult.Str => AbstractType.Str,
        OpResult.List => AbstractType.List,
        OpResult.Tuple => AbstractType.Tuple,
        OpResult.Dict => AbstractType.Dict,
        OpResult.Function => AbstractType.Function,
        OpResult.Object => AbstractType.Heap,
        _ => AbstractType.Unknown,
    };
}
