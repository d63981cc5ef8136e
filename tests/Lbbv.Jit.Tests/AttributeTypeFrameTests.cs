using Lbbv.Jit.Frames;
using Lbbv.Types;

namespace Lbbv.Jit.Tests;

/// <summary>Attribute types the abstract frame records (docs/LBBV.md, "Attribute types and
/// polymorphic caches"): a guard on an entry loaded from an attribute types the attribute, and
/// everything that could change the attribute forgets it.</summary>
public sealed class AttributeTypeFrameTests
{
    private sealed class NoWrites : IPendingWriter
    {
        public void Write(PendingWrite write) { }
    }

    private const int Local = 0, Slot = 2;

    /// <summary>Local 0 holds an object; its attribute slot 2 was just loaded (Bound) and guarded Int.</summary>
    private static AbstractFrame LoadedAndGuarded()
    {
        var frame = new AbstractFrame(new NoWrites());
        frame.Enter(2, 8, 0, default, default);
        frame.Push(AbstractType.Bound);
        frame.MarkLoadedFrom(frame.Top(), Local, Slot);
        frame.SetType(frame.Top(), AbstractType.Int);
        return frame;
    }

    [Fact]
    public void A_guard_on_a_loaded_entry_types_the_attribute()
    {
        var frame = LoadedAndGuarded();
        frame.PushCopyOf(Local, AbstractType.Heap);
        Assert.Equal(AbstractType.Int, frame.AttributeTypeOf(frame.Top(), Slot));
        Assert.Equal(AbstractType.Unknown, frame.AttributeTypeOf(frame.Top(), Slot + 1));
    }

    [Fact]
    public void A_call_or_helper_forgets_attribute_types_and_later_guards_on_old_loads()
    {
        var frame = LoadedAndGuarded();
        frame.Push(AbstractType.Bound);
        frame.MarkLoadedFrom(frame.Top(), Local, Slot + 1);
        frame.ForgetClassVersion();
        frame.SetType(frame.Top(), AbstractType.Float); // the value loaded before the call, not the attribute now
        Assert.Equal(AbstractType.Unknown, frame.AttributeTypeOf(Local, Slot));
        Assert.Equal(AbstractType.Unknown, frame.AttributeTypeOf(Local, Slot + 1));
    }

    [Fact]
    public void Storing_the_local_or_converting_the_entry_breaks_the_link()
    {
        var frame = LoadedAndGuarded();
        frame.Push(AbstractType.Bound);
        frame.MarkLoadedFrom(frame.Top(), Local, Slot + 1);
        frame.ForgetLocal(Local);
        frame.SetType(frame.Top(), AbstractType.Int);
        Assert.Equal(AbstractType.Unknown, frame.AttributeTypeOf(Local, Slot + 1));

        frame.Push(AbstractType.Bound);
        frame.MarkLoadedFrom(frame.Top(), Local, Slot + 3);
        frame.NowInRegister(frame.Top(), isInt: false); // an int converted to a float in place
        frame.SetType(frame.Top(), AbstractType.Float);
        Assert.Equal(AbstractType.Bound, frame.AttributeTypeOf(Local, Slot + 3));
    }

    [Fact]
    public void An_attribute_store_forgets_every_attribute_type()
    {
        var frame = LoadedAndGuarded();
        frame.ForgetAttributeTypes();
        Assert.Equal(AbstractType.Unknown, frame.AttributeTypeOf(Local, Slot));
        frame.NoteAttributeType(Local, Slot, AbstractType.Float);
        Assert.Equal(AbstractType.Float, frame.AttributeTypeOf(Local, Slot));
    }
}
