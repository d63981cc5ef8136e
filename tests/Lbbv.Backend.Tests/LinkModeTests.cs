using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Iced.Intel;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Linking;
using Lbbv.Backend.Observability;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

/// <summary>The link modes at the backend level: patching a site in place, counting a link's uses,
/// and emitting a unit again with a direct jump (docs/LINKING.md).</summary>
public sealed unsafe class LinkModeTests
{
    /// <summary>What the lazy compiler sees through the vm pointer in these tests.</summary>
    private sealed class LazyContext(JitFixture fixture)
    {
        public JitFixture Fixture { get; } = fixture;
        public int Compilations;
        public nint Target;
        public List<string> RwxSeen { get; } = [];
    }

    /// <summary>Compiles `slot0 += 7` the first time, and links the slot to it.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint CompileAddSeven(nint vm, nint frame, nint slotAddress, ulong* exitRecord)
    {
        var context = (LazyContext)GCHandle.FromIntPtr(vm).Target!;
        var f = context.Fixture;
        context.Compilations++;
        context.RwxSeen.AddRange(WxAudit.WritableExecutableMappings());
        if (context.Target == 0) context.Target = AddSeven(f).Start;
        f.Backend.TryGetSlot(slotAddress, out var slot);
        f.Backend.Link(slot, context.Target);
        context.RwxSeen.AddRange(WxAudit.WritableExecutableMappings());
        return context.Target;
    }

    private static PublishedCode AddSeven(JitFixture f) =>
        f.Compile((u, slow, _) => u.Emit(f.S.Int.AddConstant, Slot(0), Imm(7), Slot(0), slow), "add-seven");

    private static JitFixture Fixture(LinkMode mode) =>
        new(options: new BackendOptions
        {
            CodeSize = 1 << 20, DataSize = 1 << 16, KeepListings = true, LinkMode = mode,
        });

    private static ExitRecord Run(JitFixture f, nint code, GCHandle context) =>
        f.Backend.Enter(code, f.Frame.Address, GCHandle.ToIntPtr(context));

    /// <summary>The instruction at <paramref name="address"/> of published code.</summary>
    private static Instruction Decode(JitBackend backend, nint address)
    {
        int length = (int)Math.Min(15, backend.Space.PublishedEnd - address);
        var bytes = backend.Space.ReadPublished(address, length).ToArray();
        var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(bytes), (ulong)address);
        decoder.Decode(out var instruction);
        return instruction;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Patch_mode_rewrites_a_linked_jump_into_a_direct_jump_to_its_target_and_never_maps_rwx(bool counted)
    {
        using var f = Fixture(LinkMode.Patch);
        f.ExpectsPatchedCode = true;
        var context = new LazyContext(f);
        var handle = GCHandle.Alloc(context);
        try
        {
            f.Backend.SetLazyCompiler(&CompileAddSeven);
            Assert.True(f.Backend.TryAllocateSlot("next", out var slot));
            Assert.True(f.Backend.TryAllocateCounter("indirect", out var indirect));
            f.Unit.Begin("source");
            f.Unit.Emit(f.S.Frame.StoreSmallInt, Slot(1), Imm(4));
            f.Unit.EmitSlotJump(slot, counted ? indirect : null);
            Assert.True(f.Unit.TryPublish(out var source));
            var (siteSlot, site, kind) = Assert.Single(f.Backend.PatchSites);
            Assert.Equal((slot.Address, counted ? LinkSiteKind.CountedJump : LinkSiteKind.Jump), (siteSlot, kind));
            Assert.Equal(0, site % 8); // one aligned word holds the whole patch
            nint jump = counted ? site + 8 : site; // a counted jump's count comes first
            var unpatched = Decode(f.Backend, jump);
            Assert.Equal((Mnemonic.Jmp, OpKind.Memory), (unpatched.Mnemonic, unpatched.Op0Kind));

            f.Frame.SetInt(0, 1);
            Assert.Equal(JitFixture.Done, Run(f, source.Start, handle).Reason);
            Assert.Equal((8L, 4L), (f.Frame.Int(0), f.Frame.Int(1)));

            // The site is now a direct jump to the code the slot leads to.
            var patched = Decode(f.Backend, site);
            Assert.Equal(Mnemonic.Jmp, patched.Mnemonic);
            Assert.Equal(OpKind.NearBranch64, patched.Op0Kind);
            Assert.Equal((ulong)context.Target, patched.NearBranch64);
            Assert.Equal(context.Target, f.Backend.ReadSlot(slot));

            Assert.Equal(JitFixture.Done, Run(f, source.Start, handle).Reason);
            Assert.Equal(15, f.Frame.Int(0));
            Assert.Equal(1, context.Compilations);
            Assert.Equal(counted ? 1 : 0, f.Backend.Read(indirect)); // only the use before the patch
            Assert.Equal(1, f.Backend.Counters.LinksPatched);

            // Only the source unit changed, and no mapping was writable and executable meanwhile.
            Assert.Equal(source.Start, Assert.Single(f.Backend.FindModifiedCode()).Start);
            Assert.Empty(context.RwxSeen);
            Assert.Empty(WxAudit.WritableExecutableMappings());

            // Unlinking restores the jump through the slot.
            f.Backend.Unlink(slot);
            Assert.Equal(OpKind.Memory, Decode(f.Backend, jump).Op0Kind);
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>A patched call returns to the byte after its <c>e8 rel32</c>, inside the indirect
    /// <c>ff 15 disp32</c>: restoring that form under a suspended frame (a recursive function's trace
    /// discarded while it runs) made it return into the middle of an instruction. Unlinked, the site
    /// keeps its boundaries and calls a <c>jmp [slot]</c> instead; linked again, it calls the target.</summary>
    [Fact]
    public void An_unlinked_patched_call_keeps_its_instruction_boundaries_and_calls_through_the_slot()
    {
        using var f = Fixture(LinkMode.Patch);
        f.ExpectsPatchedCode = true;
        Assert.True(f.Backend.TryAllocateSlot("callee", out var slot));
        var target = AddSeven(f).Start;
        f.Unit.Begin("caller");
        f.Unit.EmitSlotCall(slot);
        Assert.True(f.Unit.TryPublish(out _));
        var (_, site, kind) = Assert.Single(f.Backend.PatchSites);
        Assert.Equal(LinkSiteKind.Call, kind);
        var indirect = Decode(f.Backend, site);
        Assert.Equal((Mnemonic.Call, OpKind.Memory, 6), (indirect.Mnemonic, indirect.Op0Kind, indirect.Length));

        f.Backend.Link(slot, target);
        var direct = Decode(f.Backend, site);
        Assert.Equal((Mnemonic.Call, OpKind.NearBranch64, (ulong)target), (direct.Mnemonic, direct.Op0Kind, direct.NearBranch64));
        Assert.Equal(Mnemonic.Nop, Decode(f.Backend, site + 5).Mnemonic);

        f.Backend.Unlink(slot);
        Assert.Equal(slot.Stub, f.Backend.ReadSlot(slot));
        var unlinked = Decode(f.Backend, site);
        Assert.Equal((Mnemonic.Call, OpKind.NearBranch64), (unlinked.Mnemonic, unlinked.Op0Kind));
        Assert.Equal(Mnemonic.Nop, Decode(f.Backend, site + 5).Mnemonic); // a suspended frame's return address
        var trampoline = Decode(f.Backend, (nint)unlinked.NearBranch64);
        Assert.Equal((Mnemonic.Jmp, OpKind.Memory), (trampoline.Mnemonic, trampoline.Op0Kind));
        Assert.Equal((ulong)slot.Address, trampoline.IPRelativeMemoryAddress);

        f.Backend.Link(slot, target);
        Assert.Equal((ulong)target, Decode(f.Backend, site).NearBranch64);
        Assert.Empty(WxAudit.WritableExecutableMappings());
    }

    [Fact]
    public void A_counted_link_goes_to_its_target_until_its_uses_run_out_then_enters_the_slots_stub()
    {
        using var f = Fixture(LinkMode.Reemit);
        var context = new LazyContext(f);
        var handle = GCHandle.Alloc(context);
        try
        {
            f.Backend.SetLazyCompiler(&CompileAddSeven);
            Assert.True(f.Backend.TryAllocateSlot("next", out var slot));
            f.Unit.Begin("source");
            f.Unit.EmitSlotJump(slot, null);
            Assert.True(f.Unit.TryPublish(out var source));
            context.Target = AddSeven(f).Start;
            Assert.True(f.Backend.TryLinkCounting(slot, context.Target, 3));
            Assert.Equal(context.Target, f.Backend.LinkedTarget(slot));
            Assert.NotEqual(context.Target, f.Backend.ReadSlot(slot)); // through the count-down stub

            f.Frame.SetInt(0, 0);
            for (int use = 1; use <= 2; use++) Assert.Equal(JitFixture.Done, Run(f, source.Start, handle).Reason);
            Assert.Equal((14L, 0), (f.Frame.Int(0), context.Compilations));
            Assert.Equal(JitFixture.Done, Run(f, source.Start, handle).Reason); // the third use: the stub
            Assert.Equal((21L, 1), (f.Frame.Int(0), context.Compilations));
            Assert.Equal(context.Target, f.Backend.ReadSlot(slot)); // linked directly now
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void Reemit_emits_a_unit_again_with_a_direct_jump_and_no_published_byte_changes()
    {
        using var f = Fixture(LinkMode.Reemit);
        Assert.True(f.Backend.TryAllocateSlot("next", out var slot));
        f.Unit.Begin("source");
        var entry = f.Unit.NewLabel();
        f.Unit.Bind(entry);
        f.Unit.Emit(f.S.Frame.StoreSmallInt, Slot(1), Imm(4));
        f.Unit.EmitSlotJump(slot, null);
        Assert.True(f.Unit.TryPublish(out var source));
        var target = AddSeven(f);
        f.Backend.Link(slot, target.Start);
        var before = f.Backend.Space.ReadPublished(source.Start, source.Size).ToArray();

        var recipe = f.Backend.Recipes!.Containing(source.Start)!;
        Assert.True(f.Backend.TryReemit([recipe], out var reemission));
        var copy = reemission!.Copy.Code;
        Assert.False(recipe.IsCurrent);
        Assert.Equal(copy.Start, f.Backend.Recipes.CurrentAddress(source.Start));
        Assert.Contains((source.Start, copy.Start), reemission.Moves);
        // The copy ends in a direct jump to the slot's target; the original is unchanged.
        var jump = Decode(f.Backend, copy.Start + f.S.Frame.StoreSmallInt.Size);
        Assert.Equal((Mnemonic.Jmp, OpKind.NearBranch64), (jump.Mnemonic, jump.Op0Kind));
        Assert.Equal((ulong)target.Start, jump.NearBranch64);
        Assert.Equal(before, f.Backend.Space.ReadPublished(source.Start, source.Size).ToArray());
        Assert.Empty(f.Backend.FindModifiedCode());
        Assert.Equal((1, (long)source.Size), (f.Backend.Counters.UnitsReemitted, f.Backend.Counters.BytesSuperseded));

        f.Frame.SetInt(0, 1);
        Assert.Equal(JitFixture.Done, f.Backend.Enter(copy.Start, f.Frame.Address, 0).Reason);
        Assert.Equal((8L, 4L), (f.Frame.Int(0), f.Frame.Int(1)));
        // The old copy still works.
        Assert.Equal(JitFixture.Done, f.Backend.Enter(source.Start, f.Frame.Address, 0).Reason);
        Assert.Equal(15, f.Frame.Int(0));
    }
}
