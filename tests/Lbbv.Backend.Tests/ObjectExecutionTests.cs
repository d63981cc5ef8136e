using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

/// <summary>Frame moves and constants, cells, lists, tuples, attributes and guards on heap objects.</summary>
public sealed class ObjectExecutionTests
{
    [Fact]
    public void Constants_moves_and_cells()
    {
        using var f = new JitFixture(slots: 12);
        nint cell = f.Arena.NewCell(99, TestLayout.Int);
        nint target = f.Arena.NewCell(0, TestLayout.Empty);
        f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Frame.StoreInt, Slot(0), Imm(long.MinValue + 3));
            u.Emit(f.S.Frame.StoreSmallInt, Slot(1), Imm(-42));
            u.Emit(f.S.Frame.StoreFloat, Slot(2), Imm(2.5));
            u.Emit(f.S.Frame.StoreObject, Slot(3), Pointer(cell));
            u.Emit(f.S.Frame.StoreTrue, Slot(4));
            u.Emit(f.S.Frame.StoreFalse, Slot(5));
            u.Emit(f.S.Frame.StoreNone, Slot(6));
            u.Emit(f.S.Frame.Move, Slot(0), Slot(7));
            u.Emit(f.S.Frame.LoadCell, Pointer(cell), Slot(8));
            u.Emit(f.S.Frame.StoreCell, Slot(1), Pointer(target), slow);
            u.Emit(f.S.Frame.Clear, Slot(9));
        });
        Assert.Equal(long.MinValue + 3, f.Frame.Int(0));
        Assert.Equal(-42, f.Frame.Int(1));
        Assert.Equal(2.5, f.Frame.Float(2));
        Assert.Equal((TestLayout.Object, (long)cell), (f.Frame.Tag(3), f.Frame.Payload(3)));
        Assert.Equal((TestLayout.Bool, 1L), (f.Frame.Tag(4), f.Frame.Payload(4)));
        Assert.Equal((TestLayout.Bool, 0L), (f.Frame.Tag(5), f.Frame.Payload(5)));
        Assert.Equal(TestLayout.None, f.Frame.Tag(6));
        Assert.Equal(long.MinValue + 3, f.Frame.Int(7));
        Assert.Equal(99, f.Frame.Int(8));
        Assert.Equal(-42, NativeMemoryArena.Read(target + 16));
        Assert.Equal(TestLayout.Int, NativeMemoryArena.Tag(target + 16));
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(9));
    }

    [Fact]
    public void Store_to_a_watched_cell_leaves_the_cell_alone_and_takes_the_slow_path()
    {
        using var f = new JitFixture();
        nint plain = f.Arena.NewCell(1, TestLayout.Int);
        nint watched = f.Arena.NewCell(1, TestLayout.Int);
        NativeMemoryArena.Write(watched, 1, TestLayout.Layout.CellWatchedBit);
        f.Frame.SetInt(0, 5);
        Assert.Equal(JitFixture.Done, f.Run((u, slow, _) => u.Emit(f.S.Frame.StoreCell, Slot(0), Pointer(plain), slow)).Reason);
        Assert.Equal(5, NativeMemoryArena.Read(plain + 16));
        Assert.Equal(JitFixture.Slow, f.Run((u, slow, _) => u.Emit(f.S.Frame.StoreCell, Slot(0), Pointer(watched), slow)).Reason);
        Assert.Equal(1, NativeMemoryArena.Read(watched + 16));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(-1, false)]
    public void List_get_and_set_item_check_bounds(long index, bool inRange)
    {
        using var f = new JitFixture();
        nint list = f.Arena.NewList(10, 20, 30);
        f.Frame.SetObject(0, list);
        f.Frame.SetInt(1, index);
        f.Frame.SetInt(2, 77);
        var exit = f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Guards.ObjectKind, Slot(0), Imm(TestLayout.KindList), slow);
            u.Emit(f.S.Sequence.ListLength, Slot(0), Slot(3));
            u.Emit(f.S.Sequence.ListGetItem, Slot(0), Slot(1), Slot(4), slow);
            u.Emit(f.S.Sequence.ListSetItem, Slot(0), Slot(1), Slot(2), slow);
        });
        Assert.Equal(3, f.Frame.Int(3));
        if (inRange)
        {
            Assert.Equal(JitFixture.Done, exit.Reason);
            Assert.Equal((index + 1) * 10, f.Frame.Int(4));
            Assert.Equal(77, NativeMemoryArena.Read((nint)NativeMemoryArena.Read(list + 32) + (nint)index * 16));
        }
        else
        {
            Assert.Equal(JitFixture.Slow, exit.Reason);
            Assert.Equal(TestLayout.Empty, f.Frame.Tag(4));
        }
    }

    [Fact]
    public void Tuple_length_and_items()
    {
        using var f = new JitFixture();
        nint tuple = f.Arena.NewTuple(5, 6, 7);
        f.Frame.SetObject(0, tuple);
        f.Frame.SetInt(1, 2);
        var exit = f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Guards.ObjectKind, Slot(0), Imm(TestLayout.KindTuple), slow);
            u.Emit(f.S.Sequence.TupleLength, Slot(0), Slot(2));
            u.Emit(f.S.Sequence.TupleGetItem, Slot(0), Slot(1), Slot(3), slow);
            u.Emit(f.S.Sequence.TupleGetConstantItem, Slot(0), Slot(1), Slot(4), slow);
        });
        Assert.Equal(JitFixture.Done, exit.Reason);
        Assert.Equal((3L, 7L, 6L), (f.Frame.Int(2), f.Frame.Int(3), f.Frame.Int(4)));

        exit = f.Run((u, slow, _) => u.Emit(f.S.Sequence.TupleGetConstantItem, Slot(0), Slot(3), Slot(5), slow));
        Assert.Equal(JitFixture.Slow, exit.Reason);
        exit = f.Run((u, slow, _) => u.Emit(f.S.Guards.ObjectKind, Slot(0), Imm(TestLayout.KindList), slow));
        Assert.Equal(JitFixture.Slow, exit.Reason);
    }

    [Fact]
    public void Attribute_load_and_store_behind_a_class_check()
    {
        using var f = new JitFixture();
        nint cls = f.Arena.Allocate(32), otherClass = f.Arena.Allocate(32);
        nint instance = f.Arena.NewInstance(cls, slots: 3);
        f.Frame.SetObject(0, instance);
        f.Frame.SetInt(1, 1234);

        var exit = f.Run((u, slow, _) => u.Emit(f.S.Attribute.Load, Slot(0), Pointer(cls), Slot(2), Slot(2), slow));
        Assert.Equal(JitFixture.Slow, exit.Reason); // slot 2 is unbound

        exit = f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Attribute.Store, Slot(0), Pointer(cls), Slot(2), Slot(1), slow);
            u.Emit(f.S.Attribute.Load, Slot(0), Pointer(cls), Slot(2), Slot(3), slow);
        });
        Assert.Equal(JitFixture.Done, exit.Reason);
        Assert.Equal(1234, f.Frame.Int(3));
        Assert.Equal(1234, NativeMemoryArena.Read(NativeMemoryArena.InstanceSlots(instance) + 32));

        Assert.Equal(JitFixture.Slow, f.Run((u, slow, _) => u.Emit(f.S.Attribute.Load, Slot(0), Pointer(otherClass), Slot(2), Slot(4), slow)).Reason);
        Assert.Equal(JitFixture.Slow, f.Run((u, slow, _) => u.Emit(f.S.Attribute.Store, Slot(0), Pointer(cls), Slot(3), Slot(1), slow)).Reason);
        Assert.Equal(JitFixture.Slow, f.Run((u, slow, _) => u.Emit(f.S.Attribute.Load, Slot(1), Pointer(cls), Slot(0), Slot(4), slow)).Reason);
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(4));
    }

    [Fact]
    public void Attribute_access_in_bounds_checks_only_that_a_loaded_slot_is_bound()
    {
        using var f = new JitFixture();
        nint cls = f.Arena.Allocate(32);
        nint instance = f.Arena.NewInstance(cls, slots: 3);
        f.Frame.SetObject(0, instance);
        f.Frame.SetInt(1, 77);

        Assert.Equal(JitFixture.Slow, f.Run((u, slow, _) => u.Emit(f.S.Attribute.LoadInBounds, Slot(0), Slot(1), Slot(2), slow)).Reason);
        var exit = f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Attribute.StoreInBounds, Slot(0), Slot(1), Slot(1));
            u.Emit(f.S.Attribute.LoadInBounds, Slot(0), Slot(1), Slot(3), slow);
        });
        Assert.Equal(JitFixture.Done, exit.Reason);
        Assert.Equal(77, f.Frame.Int(3));
        Assert.Equal(77, NativeMemoryArena.Read(NativeMemoryArena.InstanceSlots(instance) + 16));
    }

    [Fact]
    public void Guards_on_tags_classes_and_payloads()
    {
        using var f = new JitFixture();
        nint cls = f.Arena.Allocate(32);
        f.Frame.SetObject(0, f.Arena.NewInstance(cls, 1));
        f.Frame.SetBool(1, true);
        f.Frame.Set(2, 0, TestLayout.None);
        f.Frame.SetFloat(3, 1);
        uint Check(Action<Emission.CodeUnitBuilder, Emission.Label> guard) => f.Run((u, _, failed) => guard(u, failed)).Reason;

        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.Object, Slot(0), l)));
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.Class, Slot(0), Pointer(cls), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.Class, Slot(0), Pointer(cls + 16), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.Class, Slot(1), Pointer(cls), l)));
        nint other = cls + 16, third = cls + 24;
        for (int at = 0; at < 4; at++)
        {
            var set = new[] { other, other, third, third };
            set[at] = cls; // the object's class in each of the four positions
            Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.ClassIn, Slot(0), Pointer(set[0]), Pointer(set[1]), Pointer(set[2]), Pointer(set[3]), l)));
        }
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.ClassIn, Slot(0), Pointer(other), Pointer(third), Pointer(third), Pointer(other), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.ClassIn, Slot(1), Pointer(cls), Pointer(cls), Pointer(cls), Pointer(cls), l)));
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.Bool, Slot(1), l)));
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.None, Slot(2), l)));
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.Float, Slot(3), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.Float, Slot(1), l)));
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.NotEmpty, Slot(3), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.NotEmpty, Slot(4), l)));
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.PayloadIs, Slot(1), Imm(1), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.PayloadIs, Slot(1), Imm(0), l)));
        long instance = f.Frame.Payload(0);
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.ObjectIs, Slot(0), Imm(instance), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.ObjectIs, Slot(0), Imm(instance + 16), l)));
        f.Frame.SetInt(4, instance); // an int whose payload equals the object's pointer
        Assert.Equal(JitFixture.Done, Check((u, l) => u.Emit(f.S.Guards.PayloadIs, Slot(4), Imm(instance), l)));
        Assert.Equal(JitFixture.Failed, Check((u, l) => u.Emit(f.S.Guards.ObjectIs, Slot(4), Imm(instance), l)));
    }
}
