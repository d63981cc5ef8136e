using Lbbv.Backend.Stencils;
using Lbbv.Backend.Stencils.Families;

namespace Lbbv.Backend.Tests;

/// <summary>The frame slot loads and stores `--stats` counts per stencil emitted, read from its code.</summary>
public sealed class FrameAccessesTests
{
    private static readonly StencilLibrary Library = StencilLibrary.For(TestLayout.Layout);

    [Fact]
    public void Frame_moves_and_exchanges_count_their_payload_and_tag_accesses()
    {
        Assert.Equal(new FrameAccesses(2, 2), Library.Frame.Move.FrameAccesses);
        Assert.Equal(new FrameAccesses(4, 4), Library.Frame.Exchange.FrameAccesses);
    }

    [Fact]
    public void A_list_store_from_a_cache_register_reads_only_the_list_from_the_frame()
    {
        // The list pointer is the only frame slot read; the item goes into the list's items, not the frame.
        var fromRegisters = Library.Sequence.ListSetItemWith(ItemKindNote.None, 0, 1);
        Assert.Equal(new FrameAccesses(1, 0), fromRegisters.FrameAccesses);
        Assert.Equal(new FrameAccesses(4, 0), Library.Sequence.ListSetItem.FrameAccesses);
    }
}
