using Lbbv.Jit.Frames;

namespace Lbbv.Jit.Lowering;

/// <summary>A call a tracing frontend runs inline, while its callee's ops are lowered: the caller's
/// code and call offset, what was known of the caller's frame at the call, the caller's slot the
/// result goes to and how many entries the call pops (callable and arguments).</summary>
public sealed record InlinedCall(JitCode Code, int Offset, SavedFrame Caller, int ResultSlot, int Operands)
{
    /// <summary>The callee's frame when the call did not push it (null: pushed).</summary>
    public VirtualFrame? Virtual { get; init; }

    /// <summary>For each argument, the caller's local it is a copy of (-1: none): what the callee's code
    /// proves of an argument it never rebinds holds for that local after the call.</summary>
    public int[] ArgumentLocals { get; init; } = [];
}
