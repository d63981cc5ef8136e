// The runtime's native layout (Interpreter/Runtime/Layout.cs) as the backend's RuntimeLayout record.
using Lbbv.Backend.Layout;
using Lbbv.Runtime;

namespace Lbbv.Jit;

public static class JitRuntimeLayout
{
    public static RuntimeLayout Create() => new()
    {
        ValueSize = Layout.ValueSize,
        ValuePayload = Layout.ValuePayload,
        ValueTag = Layout.ValueTag,
        TagEmpty = (byte)Tag.Empty,
        TagInt = (byte)Tag.Int,
        TagFloat = (byte)Tag.Float,
        TagBool = (byte)Tag.Bool,
        TagNone = (byte)Tag.None,
        TagObject = (byte)Tag.Object,
        HeaderKind = Layout.HeaderKind,
        HeaderGcBits = Layout.HeaderGcBits,
        CellWatchedBit = ObjectHeader.WatchedBit,
        HeaderClass = Layout.HeaderClass,
        ListCount = Layout.ListCount,
        ListItems = Layout.ListItems,
        ListElementKind = Layout.ListElementKind,
        ListObjectKindBase = Lists.ObjectKindBase,
        TupleCount = Layout.TupleCount,
        TupleItems = Layout.TupleItems,
        InstanceSlotCount = Layout.InstanceSlotCount,
        InstanceSlots = Layout.InstanceSlots,
        CellValue = Layout.CellValue,
        FunctionEntry = Layout.FunctionEntry,
        FunctionCodeId = Layout.FunctionCodeId,
        FunctionClosure = Layout.FunctionClosure,
        KindFunction = (byte)ObjectKind.Function,
        FrameHeaderSize = FrameLayout.HeaderSize,
        FrameBack = FrameLayout.Back,
        FrameFunction = FrameLayout.Function,
        FrameCodeId = FrameLayout.CodeId,
        FrameIp = FrameLayout.Ip,
        FrameSp = FrameLayout.Sp,
        FrameGlobals = FrameLayout.Globals,
        FrameLocals = FrameLayout.Locals,
        FrameGenerator = FrameLayout.Generator,
        FrameFlags = FrameLayout.Flags,
        FrameSlotCount = FrameLayout.SlotCount,
        VmCurrentFrame = VmStateLayout.Current,
        VmFrameTop = VmStateLayout.FrameTop,
        VmFrameLimit = VmStateLayout.FrameLimit,
        VmDepth = VmStateLayout.Depth,
        VmRecursionLimit = VmStateLayout.RecursionLimit,
        VmCalls = VmStateLayout.Calls,
        VmClassVersion = VmStateLayout.ClassVersion,
        VmReturnValue = VmStateLayout.ReturnValue,
        KindRangeIterator = (byte)ObjectKind.RangeIterator,
        KindListIterator = (byte)ObjectKind.ListIterator,
        RangeIterCurrent = Layout.RangeIterCurrent,
        RangeIterLeft = Layout.RangeIterLeft,
        RangeIterStep = Layout.RangeIterStep,
        ListIterList = Layout.ListIterList,
        ListIterIndex = Layout.ListIterIndex,
    };
}
