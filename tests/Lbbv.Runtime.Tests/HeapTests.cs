namespace Lbbv.Runtime.Tests;

[Collection("runtime")]
public sealed class HeapTests
{
    static void Fresh() => RuntimeState.Reset(TextWriter.Null, TextWriter.Null);

    [Fact]
    public unsafe void Cells_carved_a_page_at_a_time_are_never_handed_out_twice_across_a_collection()
    {
        Fresh();
        // 496-byte cells (a class nothing else here uses): 528 to a chunk, carved 8, then 16, 32, ... at a
        // time. The first round leaves the class's first chunk partly carved; the collection frees the
        // carved cells and leaves the uncarved rest alone (never walked, so never mapped), so the free list
        // and further carving of the same chunk must not hand out a cell twice.
        const int size = 496;
        for (int i = 0; i < 20; i++) NativeHeap.Alloc(size, ObjectKind.Other);
        Gc.Collect();
        var cells = new HashSet<nint>();
        for (int i = 0; i < 6000; i++)
            Assert.True(cells.Add((nint)NativeHeap.Alloc(size, ObjectKind.Other)), $"cell {i} handed out twice");
        Gc.Collect();
    }

    [Fact]
    public void Unreachable_objects_are_freed_and_handles_reused()
    {
        Fresh();
        Gc.Collect();
        long heap0 = NativeHeap.HeapBytes;
        int handles0 = Handles.Count;
        for (int i = 0; i < 10000; i++)
        {
            var l = Lists.New();
            Lists.Append(l, Value.Int(i));
            Lists.Append(l, Strs.New("s" + i));
            Tuples.FromSpan([l, Value.Float(i)]);
        }
        Assert.True(NativeHeap.HeapBytes > heap0);
        Gc.Collect();
        Assert.Equal(heap0, NativeHeap.HeapBytes);
        Assert.Equal(handles0, Handles.Count);
        var s = Strs.New("again");
        Assert.True(Handles.Count == handles0 + 1);
        _ = s;
    }

    [Fact]
    public unsafe void Cyclic_garbage_is_freed_and_roots_are_kept()
    {
        Fresh();
        var cls = new ClassObject("Node") { Base = Types.Object };
        cls.Self = Obj.New(ObjectKind.Class, cls);
        cls.ComputeMro();
        PermanentRoots.Add(cls.Self);
        Gc.Collect();
        long heap0 = NativeHeap.HeapBytes;
        int slot = cls.SlotFor("next");
        for (int i = 0; i < 1000; i++)
        {
            var a = Instances.New(cls);
            var b = Instances.New(cls);
            Instances.Set(a, slot, b);
            Instances.Set(b, slot, a);
        }
        var kept = Lists.New();
        Lists.Append(kept, Strs.New("kept"));
        var inner = Tuples.FromSpan([Value.Int(7)]);
        Lists.Append(kept, inner);
        using (TempRoots.Push(kept))
        {
            Gc.Collect();
            Assert.Equal(2, Lists.Count(kept));
            Assert.Equal("kept", Strs.Get(Lists.Span(kept)[0]));
            Assert.Equal(7, Tuples.Span(Lists.Span(kept)[1])[0].AsInt);
            Assert.True(NativeHeap.HeapBytes < heap0 + 1024);
        }
        Gc.Collect();
        Assert.Equal(heap0, NativeHeap.HeapBytes);
    }
}
