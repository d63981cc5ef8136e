using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Jit.Frames;

namespace Lbbv.Jit.Lowering;

/// <summary>The frame of an inlined call that a trace entered without pushing it
/// (CallOps.GenInlinedCall): its slots are where the push would have put them (r12 is on them),
/// its header is not written and the VM does not know it. Whatever would see the missing frame (an
/// exit, a helper call, a call from the inlined code) first pushes it with <see cref="Stencil"/>
/// and <see cref="Operands"/> (Emitter.MaterializeHere, or on an exit's own path), exactly as
/// the push would have: the interpreter, the collector and tracebacks then find it. The caller's
/// stack entries under the call that were still pending (copies of locals, a function constant)
/// are written then too (<see cref="CallerWrites"/>): until then nothing reads them.</summary>
/// <remarks>An int or float argument the callee's code only reads is not copied into the frame: while
/// the frame is virtual the callee reads it from the caller's slot (<see cref="ArgumentSources"/>), and
/// the push copies it then.</remarks>
public sealed record VirtualFrame(Stencil Stencil, Operand[] Operands, PendingWrite[] CallerWrites)
{
    /// <summary>No redirection of a local in <see cref="ArgumentSources"/>.</summary>
    public const int OwnSlot = int.MinValue;

    /// <summary>For each of the callee's first locals, the slot (relative to the callee's slots, so
    /// negative: the caller's frame lies right below, FrameStack) it reads that argument from while
    /// the frame is virtual, or <see cref="OwnSlot"/>.</summary>
    public int[] ArgumentSources { get; init; } = [];

    /// <summary>The caller's frame size when r12 moved onto the frame by adding it (Invoke.EnterAbove: the
    /// frame right above the caller's), so that the return moves it back by subtracting it; 0 otherwise.</summary>
    public int AboveBytes { get; init; }

    /// <summary>Where the callee reads local <paramref name="slot"/> while this frame is virtual.</summary>
    public int SourceOf(int slot) =>
        (uint)slot < (uint)ArgumentSources.Length && ArgumentSources[slot] != OwnSlot ? ArgumentSources[slot] : slot;
}
