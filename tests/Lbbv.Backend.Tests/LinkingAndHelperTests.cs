using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Observability;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

/// <summary>Helper calls, direct jumps, jumps through indirect slots and lazy linking.</summary>
public sealed unsafe class LinkingAndHelperTests
{
    private const uint HelperRaised = 7;

    // long helper(vm, frame, a0, a1): frame[a0] = frame[a0] + a1; status 0, or an exit record when a1 < 0.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static long AddToSlot(nint vm, nint frame, long slot, long amount)
    {
        if (amount < 0) return (long)new ExitRecord(HelperRaised, 55).Pack();
        // SAFETY: the test passes a slot index inside its frame.
        *(long*)(frame + (nint)slot * 16) += amount;
        *(long*)vm += 1;
        return 0;
    }

    [Fact]
    public void Helper_call_passes_vm_frame_and_arguments_and_checks_status()
    {
        using var f = new JitFixture();
        nint vm = f.Arena.Allocate(16);
        f.Backend.RegisterHelper("AddToSlot", (nint)(delegate* unmanaged[Cdecl]<nint, nint, long, long, long>)&AddToSlot);
        var helper = Pointer((nint)(delegate* unmanaged[Cdecl]<nint, nint, long, long, long>)&AddToSlot);
        f.Frame.SetInt(0, 100);
        var code = f.Compile((u, _, _) =>
        {
            var raised = u.NewLabel();
            u.Emit(f.S.Call.Helper(2), helper, Imm(0), Imm(5), raised);
            u.Emit(f.S.Call.Helper(2), helper, Imm(0), Imm(6), raised);
            u.Emit(f.S.Call.Helper(2), helper, Imm(0), Imm(-1), raised);
            u.Emit(f.S.Frame.StoreSmallInt, Slot(1), Imm(1)); // skipped: the helper "raised"
            u.Bind(raised);
            u.Emit(f.S.Control.ReturnStatus);
        });
        var exit = f.Backend.Enter(code.Start, f.Frame.Address, vm);
        Assert.Equal(new ExitRecord(HelperRaised, 55), exit);
        Assert.Equal(111, f.Frame.Int(0));
        Assert.Equal(2, NativeMemoryArena.Read(vm));
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(1));
        Assert.Contains("AddToSlot", f.Backend.Disassemble(code));
    }

    [Fact]
    public void Direct_jump_to_published_code()
    {
        using var f = new JitFixture();
        var target = f.Compile((u, _, _) => u.Emit(f.S.Frame.StoreSmallInt, Slot(0), Imm(3)), "target");
        f.Unit.Begin("source");
        f.Unit.Emit(f.S.Frame.StoreSmallInt, Slot(1), Imm(4));
        f.Unit.Emit(f.S.Control.Jump, Code(target.Start));
        Assert.True(f.Unit.TryPublish(out var source));
        Assert.Equal(JitFixture.Done, f.Backend.Enter(source.Start, f.Frame.Address, 0).Reason);
        Assert.Equal((3L, 4L), (f.Frame.Int(0), f.Frame.Int(1)));
    }

    /// <summary>What the lazy compiler sees through the vm pointer in these tests.</summary>
    private sealed class LazyContext(JitFixture fixture)
    {
        public JitFixture Fixture { get; } = fixture;
        public int Compilations;
        public bool GiveUp;
        public List<string> RwxSeen { get; } = [];
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint CompileSlotTarget(nint vm, nint frame, nint slotAddress, ulong* exitRecord)
    {
        var context = (LazyContext)GCHandle.FromIntPtr(vm).Target!;
        var f = context.Fixture;
        context.Compilations++;
        context.RwxSeen.AddRange(WxAudit.WritableExecutableMappings());
        if (context.GiveUp)
        {
            *exitRecord = new ExitRecord(9, 42).Pack();
            return 0;
        }
        Assert.True(f.Backend.TryGetSlot(slotAddress, out var slot));
        var target = f.Compile((u, _, _) => u.Emit(f.S.Int.AddConstant, Slot(0), Imm(7), Slot(0), Label(u)), $"target-of-{slot.Id}");
        f.Backend.Link(slot, target.Start);
        context.RwxSeen.AddRange(WxAudit.WritableExecutableMappings());
        return target.Start;

        static Emission.Label Label(CodeUnitBuilder u) { var l = u.NewLabel(); u.Bind(l); return l; }
    }

    [Fact]
    public void Jump_through_a_slot_compiles_lazily_once_then_goes_straight_to_the_code()
    {
        using var f = new JitFixture();
        var context = new LazyContext(f);
        var handle = GCHandle.Alloc(context);
        try
        {
            f.Backend.SetLazyCompiler(&CompileSlotTarget);
            Assert.True(f.Backend.TryAllocateSlot("block 1", out var slot));
            Assert.Equal(slot.Stub, f.Backend.ReadSlot(slot));
            f.Unit.Begin("source");
            f.Unit.Emit(f.S.Control.JumpThroughSlot, slot);
            Assert.True(f.Unit.TryPublish(out var source));
            f.Frame.SetInt(0, 1);

            var exit = f.Backend.Enter(source.Start, f.Frame.Address, GCHandle.ToIntPtr(handle));
            Assert.Equal(JitFixture.Done, exit.Reason);
            Assert.Equal(8, f.Frame.Int(0));
            Assert.Equal(1, context.Compilations);
            Assert.NotEqual(slot.Stub, f.Backend.ReadSlot(slot));

            exit = f.Backend.Enter(source.Start, f.Frame.Address, GCHandle.ToIntPtr(handle));
            Assert.Equal(JitFixture.Done, exit.Reason);
            Assert.Equal(15, f.Frame.Int(0));
            Assert.Equal(1, context.Compilations);
            Assert.Equal(1, f.Backend.Counters.SlotLinks);
            Assert.Equal(1, f.Backend.Counters.SlotsAllocated);
            Assert.Empty(context.RwxSeen);

            // Unlinking sends the next jump back through the stub; the compiler may also decline.
            f.Backend.Unlink(slot);
            context.GiveUp = true;
            exit = f.Backend.Enter(source.Start, f.Frame.Address, GCHandle.ToIntPtr(handle));
            Assert.Equal(new ExitRecord(9, 42), exit);
            Assert.Equal(2, context.Compilations);
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void Without_a_compiler_the_lazy_stub_exits_to_the_interpreter()
    {
        using var f = new JitFixture();
        Assert.True(f.Backend.TryAllocateSlot("nowhere", out var slot));
        f.Unit.Begin("source");
        f.Unit.Emit(f.S.Control.JumpThroughSlot, slot);
        Assert.True(f.Unit.TryPublish(out var source));
        var exit = f.Backend.Enter(source.Start, f.Frame.Address, 0);
        Assert.Equal(ExitRecord.ReasonNoLazyCompiler, exit.Reason);
    }

    [Fact]
    public void Linking_to_unpublished_code_is_refused()
    {
        using var f = new JitFixture();
        Assert.True(f.Backend.TryAllocateSlot("s", out var slot));
        Assert.Throws<ArgumentException>(() => f.Backend.Link(slot, f.Backend.Space.PublishedEnd));
        f.Unit.Begin("bad");
        f.Unit.Emit(f.S.Control.Jump, Code(f.Backend.Space.PublishedEnd + 64));
        Assert.Throws<InvalidOperationException>(() => f.Unit.TryPublish(out _));
        // The failed unit left nothing pending: the next one publishes.
        f.Compile((_, _, _) => { });
    }
}
