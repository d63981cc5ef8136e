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
public sealed record VirtualFrame(Stencil Stencil, Operand[] Operands, PendingWrite[] CallerWrites);
