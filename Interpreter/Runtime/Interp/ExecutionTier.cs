// The extension point for the JIT tiers: call and back-edge counters drive an optional tier.
namespace Lbbv.Runtime;

/// <summary>What a tier did when the interpreter offered it a frame.</summary>
public enum TierExit : byte
{
    /// <summary>The tier declined; the interpreter continues at the frame's Ip.</summary>
    NotHandled,
    /// <summary>Machine code ran and left the frame at f->Ip with f->Sp; the interpreter continues there.</summary>
    ContinueAt,
    /// <summary>The frame returned `result`.</summary>
    Returned,
    /// <summary>The frame raised; ThreadState.Pending holds the exception (traceback already added).</summary>
    Raised,
}

public unsafe interface IExecutionTier
{
    /// <summary>Calls of a code before OnEntry is offered (0 = never).</summary>
    int CallThreshold { get; }
    /// <summary>Back-edges of a code before OnBackEdge is offered (0 = never).</summary>
    int BackEdgeThreshold { get; }
    /// <summary>Frame entry at f->Ip == 0 (after argument binding).</summary>
    TierExit OnEntry(Frame* f, out Value result);
    /// <summary>A loop back-edge whose target is f->Ip (f->Sp is current).</summary>
    TierExit OnBackEdge(Frame* f, out Value result);
}
