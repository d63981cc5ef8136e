using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Linking;

/// <summary>
/// The machine-code activations a lazy-stub call is nested in, and moving their return addresses
/// into the newest copy of their unit (<c>--link reemit</c>). Machine code keeps one frame shape:
/// between stencils rsp points at the activation's return address, pushed by the caller's
/// <c>Invoke.Call</c> (or <c>Link.CallDirect</c>) after it saved r12, so the activations of one
/// entry are a chain of 16-byte records (return address, saved r12) up to the entry trampoline's
/// return address. Only return addresses, which are stack data, are rewritten: no code is modified.
/// </summary>
internal sealed unsafe class CallChain
{
    private readonly nint _trampolineReturn;
    private readonly Stencil _call, _callDirect;

    public CallChain(JitBackend backend)
    {
        _call = backend.Stencils.Invoke.Call;
        _callDirect = backend.Stencils.Link.CallDirect;
        foreach (var call in new[] { _call, _callDirect })
            if (call.Code[^2..].SequenceCompareTo((ReadOnlySpan<byte>)[0x41, 0x5C]) != 0)
                throw new InvalidOperationException($"{call.Name} does not end with its return point, pop r12");
        _trampolineReturn = ReturnAddressOf(backend, backend.EntryTrampoline,
            backend.Stencils.Control.EntryTrampoline.Size);
    }

    /// <summary>The address after the trampoline's call into machine code (<c>call rdi</c>, ff d7: the
    /// only call it makes).</summary>
    private static nint ReturnAddressOf(JitBackend backend, nint trampoline, int size)
    {
        var code = backend.Space.ReadPublished(trampoline, size);
        int call = code.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD7]);
        if (call < 0 || code[(call + 1)..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD7]) >= 0)
            throw new InvalidOperationException("the entry trampoline must make exactly one call rdi");
        return trampoline + call + 2;
    }

    /// <summary>
    /// Walks the activations above the lazy stub's frame at <paramref name="stubFrame"/> (the
    /// pointer it passes the compiler: 16 bytes below the rsp machine code had) and points every
    /// return address into a replaced copy at the same return point of the newest copy. Stops at
    /// the trampoline or at anything that is not a call's return point in a recorded unit.
    /// Returns the number of return addresses moved.
    /// </summary>
    public int Redirect(nint stubFrame, CodeMap map)
    {
        int moved = 0;
        // SAFETY: stubFrame is the lazy stub's frame on this thread's stack, and every 16-byte record
        // above it up to the trampoline's return address is a live machine-code activation: each
        // is read before its return address is recognized as a call's return point.
        for (var record = (nint*)(stubFrame + 16); ; record += 2)
        {
            nint ret = *record;
            if (ret == _trampolineReturn) return moved;
            var recipe = map.Containing(ret);
            if (recipe is null) return moved;
            int index = recipe.StencilContaining(ret);
            if (ReturnPoint(recipe, index) != ret) return moved;
            if (recipe.IsCurrent) continue;
            var (current, currentIndex) = recipe.Current(index);
            nint to = ReturnPoint(current, currentIndex);
            if (to == 0) return moved;
            *record = to;
            moved++;
        }
    }

    /// <summary>Where a call stencil's callee returns to (its <c>pop r12</c>), or 0 for another stencil.</summary>
    private nint ReturnPoint(UnitRecipe recipe, int index)
    {
        var stencil = recipe.StencilAt(index).Stencil;
        if (stencil != _call && stencil != _callDirect) return 0;
        return recipe.Code.Start + recipe.OffsetOf(index) + stencil.Size - 2;
    }
}
