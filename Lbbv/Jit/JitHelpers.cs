// Every .NET helper and C function machine code calls, by the name listings give it.
namespace Lbbv.Jit;

public static class JitHelpers
{
    /// <summary>(listing name, address) of each helper.</summary>
    public static IEnumerable<(string Name, nint Address)> All =>
    [
        ("helper:GenericOp", OpHelpers.GenericOpAddress),
        ("helper:ToBool", OpHelpers.ToBoolAddress),
        ("helper:ForIterNext", OpHelpers.ForIterAddress),
        ("helper:RangeIter", OpHelpers.RangeIterAddress),
        ("helper:Call", OpHelpers.CallAddress),
        ("helper:CallMethod", OpHelpers.CallMethodAddress),
        ("helper:Contains", OpHelpers.ContainsAddress),
        ("helper:Subscr", OpHelpers.SubscrAddress),
        ("helper:Binary", OpHelpers.BinaryAddress),
        ("helper:BuildSequence", OpHelpers.BuildSequenceAddress),
        ("helper:BuildSlice", OpHelpers.BuildSliceAddress),
        ("helper:SliceSubscr", OpHelpers.SliceSubscrAddress),
        ("helper:RichCompare", OpHelpers.RichCompareAddress),
        ("helper:StoreItem", OpHelpers.StoreItemAddress),
        ("helper:NewInstance", OpHelpers.NewInstanceAddress),
        ("helper:FinishCall", CallHelpers.FinishCallAddress),
        ("helper:FinishInit", CallHelpers.FinishInitAddress),
        ("libm:pow", CFunctions.Pow),
    ];
}
