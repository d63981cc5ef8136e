using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Tests;

/// <summary>The abstract frame on its own: the lazy operand stack, aliases, what a guard proves,
/// and the context it packs. Writes that materialize pending entries are recorded, not emitted.</summary>
public sealed class AbstractFrameTests
{
    private sealed class RecordedWrites : IPendingWriter
    {
        public List<PendingWrite> Writes { get; } = [];
        public void Write(PendingWrite write) => Writes.Add(write);
    }

    private const int Locals = 3;

    private static (AbstractFrame Frame, RecordedWrites Writes) Enter(TypeContext context = default, int depth = 0)
    {
        var writes = new RecordedWrites();
        var frame = new AbstractFrame(writes);
        frame.Enter(Locals, Locals + 4, depth, context, default);
        return (frame, writes);
    }

    [Fact]
    public void A_pending_copy_is_read_from_its_local_and_written_only_when_materialized()
    {
        var (frame, writes) = Enter();
        frame.PushCopyOf(1, AbstractType.Int);
        int entry = frame.Top();
        Assert.Equal(1, frame.SourceOf(entry));
        Assert.Empty(writes.Writes);
        frame.MaterializeAll();
        Assert.Equal([new PendingWrite(1, entry, default)], writes.Writes);
        Assert.Equal(entry, frame.SourceOf(entry));
    }

    [Fact]
    public void Storing_to_a_local_first_writes_the_pending_copies_of_its_old_value()
    {
        var (frame, writes) = Enter();
        frame.PushCopyOf(0, AbstractType.Int);
        frame.PushCopyOf(2, AbstractType.Int);
        frame.ForgetLocal(0);
        Assert.Equal([new PendingWrite(0, frame.Top(1), default)], writes.Writes);
        Assert.Equal(-1, frame[frame.Top(1)].Alias);
        Assert.True(frame[frame.Top()].PendingCopy);
    }

    [Fact]
    public void A_pending_constant_is_written_before_it_is_read_from_the_frame()
    {
        var (frame, writes) = Enter();
        frame.PushConstant(Value.Int(7), AbstractType.Int, exact: false);
        Assert.Equal(frame.Top(), frame.SourceOf(frame.Top()));
        Assert.Equal([new PendingWrite(-1, frame.Top(), Value.Int(7))], writes.Writes);
        Assert.False(frame[frame.Top()].PendingConstant.HasValue);
    }

    [Fact]
    public void A_guard_on_a_copy_types_its_local_too_but_not_after_the_copy_is_overwritten()
    {
        var (frame, _) = Enter();
        frame.PushCopyOf(2, AbstractType.Bound);
        frame.SetType(frame.Top(), AbstractType.Int);
        Assert.Equal(AbstractType.Int, frame.TypeOf(2));
        frame.Overwrite(frame.Top(), AbstractType.Float);
        Assert.Equal(AbstractType.Float, frame.TypeOf(frame.Top()));
        Assert.Equal(AbstractType.Int, frame.TypeOf(2));
    }

    [Fact]
    public void What_is_known_of_a_locals_object_holds_through_its_copies_until_it_is_stored_to()
    {
        var (frame, _) = Enter();
        frame.PushCopyOf(1, AbstractType.Instance);
        frame.NoteObject(frame.Top(), cls: 0x1000, attribute: 4);
        Assert.Equal(0x1000, frame.KnownClass(1));
        Assert.True(frame.HasAttributeSlot(1, 4));
        Assert.False(frame.HasAttributeSlot(1, 5));
        frame.Pop();
        frame.ForgetLocal(1);
        Assert.Equal(0, frame.KnownClass(1));
    }

    [Fact]
    public void The_context_packs_the_types_and_a_popped_entry_is_unknown_again()
    {
        var entry = TypeContext.Generic.With(0, AbstractType.Int).With(Locals, AbstractType.List);
        var (frame, _) = Enter(entry, depth: 1);
        Assert.Equal(entry, frame.Context);
        frame.Push(AbstractType.Str);
        Assert.Equal(entry.With(Locals + 1, AbstractType.Str), frame.Context);
        frame.Pop(2);
        Assert.Equal(TypeContext.Generic.With(0, AbstractType.Int), frame.Context);
    }

    [Fact]
    public void Slots_past_the_typed_ones_keep_their_type_but_no_context_names_it()
    {
        var frame = new AbstractFrame(new RecordedWrites());
        int locals = AbstractFrame.TypedSlots;
        frame.Enter(locals, locals + 2, 0, default, default);
        frame.Push(AbstractType.Int);
        Assert.Equal(AbstractType.Int, frame.TypeOf(frame.Top())); // within the stretch of code
        Assert.Equal(TypeContext.Generic, frame.Context); // not across an edge
    }

    // ---- the register cache

    [Fact]
    public void A_cached_entry_is_spilled_when_its_slot_is_read_and_listed_for_out_of_line_paths()
    {
        var (frame, writes) = Enter(depth: 0);
        frame.PushInRegister();
        int entry = frame.Top();
        Assert.True(frame[entry].InRegister);
        Assert.Equal(AbstractType.Float, frame.TypeOf(entry));
        Assert.Equal([PendingWrite.Spill(entry)], frame.PendingWrites()); // a cold path writes it
        Assert.Empty(writes.Writes);                                      // the hot path does not
        Assert.Equal(entry, frame.SourceOf(entry));
        Assert.Equal([PendingWrite.Spill(entry)], writes.Writes);
        Assert.False(frame[entry].InRegister);
        Assert.Equal(1, frame.Counts.Spills(SpillReason.Operand));
    }

    [Fact]
    public void Materializing_saving_or_a_register_conflict_spills_cached_entries()
    {
        var writes = new RecordedWrites();
        var frame = new AbstractFrame(writes);
        frame.Enter(Locals, Locals + 8, 0, default, default);
        frame.PushInRegister();
        frame.MaterializeAll();
        Assert.Equal(1, frame.Counts.Spills(SpillReason.Frame));
        frame.Pop();
        frame.PushInRegister();
        frame.Save();
        Assert.Equal(1, frame.Counts.Spills(SpillReason.Save));
        Assert.False(frame[frame.Top()].InRegister);
        // Slots s and s + 4 share a register: an op writing s + 4's register spills s first.
        frame.Pop();
        frame.PushInRegister();
        int first = frame.Top();
        for (int i = 0; i < 4; i++) frame.Push(AbstractType.Float);
        frame.FreeRegisterFor(frame.Top(), frame.Top(1));
        Assert.Equal(AbstractFrame.RegisterOf(first), AbstractFrame.RegisterOf(frame.Top()));
        Assert.Equal(PendingWrite.Spill(first), writes.Writes[^1]);
        Assert.Equal(1, frame.Counts.Spills(SpillReason.Conflict));
    }

    [Fact]
    public void A_cached_entry_is_never_duplicated_or_swapped_in_its_register()
    {
        var (frame, writes) = Enter();
        frame.PushInRegister();
        frame.PushDuplicate(frame.Top());
        Assert.Equal([PendingWrite.Spill(frame.Top(1))], writes.Writes);
        Assert.False(frame[frame.Top()].InRegister);
        frame.PushInRegister();
        Assert.Throws<InvalidOperationException>(() => frame.Swap(frame.Top(), frame.Top(1)));
    }
}
