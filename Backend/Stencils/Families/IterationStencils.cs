using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// A <c>for</c> loop's next step on a native iterator, for ForIter: the iterator object's kind byte
/// is compared first (a slot already known to hold a heap object; another kind branches to
/// <c>fail</c> before anything is written); when the iterator is exhausted the stencil branches to
/// <c>exhausted</c>; otherwise the next item is stored in <c>dst</c> (the slot above the iterator)
/// and the iterator advances.
/// </summary>
public sealed class IterationStencils : StencilFamily
{
    internal IterationStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        RangeNext = Build("Iteration.RangeNext", StencilKind.Iteration, b => EmitRangeNext(b, checkKind: true));
        ListNext = Build("Iteration.ListNext", StencilKind.Iteration, b => EmitListNext(b, checkKind: true));
        RangeNextProven = Build("Iteration.RangeNextProven", StencilKind.Iteration, b => EmitRangeNext(b, checkKind: false));
        RangeNextProvenPayloadOnly = Build("Iteration.RangeNextProven.PayloadOnly", StencilKind.Iteration,
            b => EmitRangeNext(b, checkKind: false, payloadOnly: true));
        ListNextProven = Build("Iteration.ListNextProven", StencilKind.Iteration, b => EmitListNext(b, checkKind: false));
        ListNextOfKind = Build("Iteration.ListNextOfKind", StencilKind.Iteration,
            b => EmitListNext(b, checkKind: true, elementKind: true));
        ListNextProvenOfKind = Build("Iteration.ListNextProvenOfKind", StencilKind.Iteration,
            b => EmitListNext(b, checkKind: false, elementKind: true));
    }

    private void EmitRangeNext(StencilBuilder b, bool checkKind, bool payloadOnly = false)
    {
        var l = Layout;
        int iterator = b.ValueSlot("iterator"), dst = b.ValueSlot("dst");
        ulong? fail = checkKind ? b.CodeTarget("fail") : null;
        ulong exhausted = b.CodeTarget("exhausted");
        LoadIterator(b, iterator, l.KindRangeIterator, fail);
        // left - 1 borrows when no value is left; the stored count never wraps.
        b.Asm.mov(rcx, __qword_ptr[rax + l.RangeIterLeft]);
        b.Asm.sub(rcx, 1);
        b.Asm.jb(exhausted);
        b.Asm.mov(__qword_ptr[rax + l.RangeIterLeft], rcx);
        b.Asm.mov(rdx, __qword_ptr[rax + l.RangeIterCurrent]);
        b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], rdx);
        if (!payloadOnly) b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagInt);
        // Wraps past the last value, which is never produced.
        b.Asm.add(rdx, __qword_ptr[rax + l.RangeIterStep]);
        b.Asm.mov(__qword_ptr[rax + l.RangeIterCurrent], rdx);
    }

    private void EmitListNext(StencilBuilder b, bool checkKind, bool elementKind = false)
    {
        var l = Layout;
        int iterator = b.ValueSlot("iterator"), dst = b.ValueSlot("dst");
        byte kind = elementKind ? b.Int8("kind") : (byte)0;
        ulong? fail = checkKind || elementKind ? b.CodeTarget("fail") : null;
        ulong exhausted = b.CodeTarget("exhausted");
        var next = b.Asm.CreateLabel("next");
        LoadIterator(b, iterator, l.KindListIterator, checkKind ? fail : null);
        // The index is compared unsigned with the list's current count (the list may have
        // grown or shrunk inside the loop); the exhausted marker is the largest index, so a
        // list that grows afterwards does not revive the iterator.
        b.Asm.mov(rcx, __qword_ptr[rax + l.ListIterIndex]);
        b.Asm.mov(rdx, __qword_ptr[rax + l.ListIterList]);
        b.Asm.cmp(rcx, __qword_ptr[rdx + l.ListCount]);
        b.Asm.jb(next);
        b.Asm.mov(__qword_ptr[rax + l.ListIterIndex], -1);
        b.Asm.jmp(exhausted);
        b.Asm.Label(ref next);
        if (fail is { } changed && elementKind)
        {
            // The list's element kind, read again at every item (a store inside the loop may have
            // changed it): the item is then of that kind with no test of its own. Nothing is
            // written yet, so a failure finds the iterator as it was.
            b.Asm.cmp(__byte_ptr[rdx + l.ListElementKind], kind);
            b.Asm.jne(changed);
        }
        b.Asm.lea(rsi, __qword_ptr[rcx + 1]);
        b.Asm.mov(__qword_ptr[rax + l.ListIterIndex], rsi);
        b.Asm.shl(rcx, 4);
        b.Asm.add(rcx, __qword_ptr[rdx + l.ListItems]);
        CopyValue(b, __[rcx], __[r12 + dst]);
    }

    /// <summary>(iterator, dst, fail, exhausted): the next int of a range iterator.</summary>
    public Stencil RangeNext { get; }
    /// <summary>(iterator, dst, fail, exhausted): the next item of a list iterator.</summary>
    public Stencil ListNext { get; }
    /// <summary>(iterator, dst, exhausted): RangeNext on an iterator a kind test proved on every
    /// path here (<c>ProvenIterators</c>): no kind compare.</summary>
    public Stencil RangeNextProven { get; }
    /// <summary>(iterator, dst, exhausted): <see cref="RangeNextProven"/> into a local that already holds
    /// the int tag (the loop variable of the iteration before): only the payload is written.</summary>
    public Stencil RangeNextProvenPayloadOnly { get; }
    /// <summary>(iterator, dst, exhausted): ListNext on an iterator proven a list iterator: no kind compare.</summary>
    public Stencil ListNextProven { get; }
    /// <summary>(iterator, dst, kind:Int8, fail, exhausted): ListNext whose list must still claim element
    /// kind `kind` at this item (one byte compare per item, after the exhaustion test), else fail.</summary>
    public Stencil ListNextOfKind { get; }
    /// <summary>(iterator, dst, kind:Int8, fail, exhausted): ListNextOfKind on an iterator proven a list
    /// iterator: only the list's element kind is compared.</summary>
    public Stencil ListNextProvenOfKind { get; }

    // Leaves the iterator object in rax; branches to fail unless its kind byte is `kind` (no
    // compare when the kind is proven: no fail target).
    private void LoadIterator(StencilBuilder b, int iterator, byte kind, ulong? fail)
    {
        b.Asm.mov(rax, __qword_ptr[r12 + iterator + Layout.ValuePayload]);
        if (fail is not { } target) return;
        b.Asm.cmp(__byte_ptr[rax + Layout.HeaderKind], kind);
        b.Asm.jne(target);
    }
}
