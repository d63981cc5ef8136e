using System.Runtime.CompilerServices;

namespace Lbbv.Runtime.Tests;

public sealed class ValueTests
{
    [Fact]
    public unsafe void Value_layout_matches_the_native_contract()
    {
        Assert.Equal(Layout.ValueSize, sizeof(Value));
        var v = Value.Int(0x1122334455667788);
        byte* p = (byte*)&v;
        Assert.Equal(0x1122334455667788, *(long*)(p + Layout.ValuePayload));
        Assert.Equal((byte)Tag.Int, p[Layout.ValueTag]);
        Assert.Equal(Layout.HeaderSize, sizeof(ObjectHeader));
        Assert.Equal(FrameLayout.HeaderSize, sizeof(Frame));
        Assert.Equal(Layout.ListSize, sizeof(ListObject));
        Assert.Equal(Layout.CellSize, sizeof(CellObject));
    }

    [Fact]
    public void Tags_and_payloads_round_trip()
    {
        Assert.True(Value.Int(-5).IsInt);
        Assert.Equal(-5, Value.Int(-5).AsInt);
        Assert.Equal(2.5, Value.Float(2.5).AsFloat);
        Assert.True(Value.Bool(true).AsBool);
        Assert.True(Value.None.IsNone);
        Assert.True(default(Value).IsEmpty);
        Assert.False(Value.Int(1).Same(Value.Bool(true)));
    }
}
