// Which Gen<Op> lowers each op. Ops without one run through the generic fallback (GenericOps).
using Lbbv.Bytecode;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class OpSet
{
    public OpSet(Lowerer lowerer)
    {
        Stack = new StackOps(lowerer);
        Globals = new GlobalOps(lowerer);
        Arithmetic = new ArithmeticOps(lowerer);
        Integers = new IntegerOps(lowerer);
        Identity = new IdentityOps(lowerer);
        Comparisons = new CompareOps(lowerer);
        Branches = new BranchOps(lowerer);
        Subscripts = new SubscriptOps(lowerer);
        Attributes = new AttributeOps(lowerer);
        AttributeCaches = new AttributeCaches(lowerer);
        Methods = new MethodOps(lowerer);
        Calls = new CallOps(lowerer);
        BuiltinCalls = new BuiltinCallOps(lowerer);
        Instantiation = new InstantiationOps(lowerer);
        Iteration = new IterationOps(lowerer);
        Generic = new GenericOps(lowerer);
        Cells = new CellOps(lowerer);
        PolymorphicCaches = new PolymorphicCacheOps(lowerer);
        Allocation = new AllocationOps(lowerer);
        Unpack = new UnpackOps(lowerer);
    }

    public StackOps Stack { get; }
    public GlobalOps Globals { get; }
    public ArithmeticOps Arithmetic { get; }
    public IntegerOps Integers { get; }
    public IdentityOps Identity { get; }
    public CompareOps Comparisons { get; }
    public BranchOps Branches { get; }
    public SubscriptOps Subscripts { get; }
    public AttributeOps Attributes { get; }
    public AttributeCaches AttributeCaches { get; }
    public MethodOps Methods { get; }
    public CallOps Calls { get; }
    public BuiltinCallOps BuiltinCalls { get; }
    public InstantiationOps Instantiation { get; }
    public IterationOps Iteration { get; }
    public GenericOps Generic { get; }
    public CellOps Cells { get; }
    public PolymorphicCacheOps PolymorphicCaches { get; }
    public AllocationOps Allocation { get; }
    public UnpackOps Unpack { get; }

    /// <summary>Lowers `op arg`; false when control left the straight-line code.</summary>
    public bool Lower(Opcode op, int arg) => op switch
    {
        Opcode.Nop => Stack.GenNop(),
        Opcode.PopTop => Stack.GenPopTop(),
        Opcode.Copy => Stack.GenCopy(arg),
        Opcode.Swap => Stack.GenSwap(arg),
        Opcode.BuildTuple => Stack.GenBuildTuple(arg),
        Opcode.LoadConst => Stack.GenLoadConst(arg),
        Opcode.LoadFast => Stack.GenLoadFast(arg),
        Opcode.StoreFast => Stack.GenStoreFast(arg),
        Opcode.LoadDeref => Cells.GenLoadDeref(arg),
        Opcode.StoreDeref => Cells.GenStoreDeref(arg),
        Opcode.ReturnValue => Stack.GenReturnValue(),
        Opcode.LoadGlobal => Globals.GenLoadGlobal(arg),
        Opcode.StoreGlobal => Globals.GenStoreGlobal(arg),
        Opcode.BinaryOp => Arithmetic.GenBinaryOp(arg),
        Opcode.UnaryNegative => Arithmetic.GenUnaryNegative(),
        Opcode.UnaryInvert => Arithmetic.GenUnaryInvert(),
        Opcode.UnaryNot => Arithmetic.GenUnaryNot(),
        Opcode.CompareOp => Comparisons.GenCompareOp(arg),
        Opcode.PopJumpIfFalse => Branches.GenPopJumpIf(arg, jumpIfTrue: false),
        Opcode.PopJumpIfTrue => Branches.GenPopJumpIf(arg, jumpIfTrue: true),
        Opcode.PopJumpIfNone => Branches.GenPopJumpIfNone(arg, jumpIfNone: true),
        Opcode.PopJumpIfNotNone => Branches.GenPopJumpIfNone(arg, jumpIfNone: false),
        Opcode.JumpIfFalseOrPop => Branches.GenJumpIfOrPop(arg, jumpIfTrue: false),
        Opcode.JumpIfTrueOrPop => Branches.GenJumpIfOrPop(arg, jumpIfTrue: true),
        Opcode.Jump => Branches.GenJump(arg),
        Opcode.ForIter => Iteration.GenForIter(arg),
        Opcode.GetIter => Iteration.GenGetIter(),
        Opcode.BinarySubscr => Subscripts.GenBinarySubscr(),
        Opcode.StoreSubscr => Subscripts.GenStoreSubscr(),
        Opcode.BuildSlice => Subscripts.GenBuildSlice(arg),
        Opcode.LoadAttr => Attributes.GenLoadAttr(arg),
        Opcode.StoreAttr => Attributes.GenStoreAttr(arg),
        Opcode.LoadMethod => Methods.GenLoadMethod(arg),
        Opcode.Call => Calls.GenCall(arg),
        Opcode.CallMethod => Calls.GenCallMethod(arg),
        Opcode.ContainsOp => Generic.GenContainsOp(arg),
        Opcode.IsOp => Identity.GenIsOp(arg),
        Opcode.BuildList => Generic.GenBuildSequence(arg, Opcode.BuildList),
        Opcode.UnpackSequence => Unpack.GenUnpackSequence(arg),
        _ => Generic.GenGeneric(op, arg),
    };
}
