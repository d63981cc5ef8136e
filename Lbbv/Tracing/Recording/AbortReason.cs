namespace Lbbv.Tracing.Recording;

/// <summary>Why a recording was abandoned (each counted: trace_aborts_REASON).</summary>
public enum AbortReason
{
    /// <summary>More ops than --trace-limit.</summary>
    TooLong,
    /// <summary>An exception was raised in a recorded frame.</summary>
    Exception,
    /// <summary>A generator op (yield, send) in a recorded frame.</summary>
    Generator,
    /// <summary>A call that would be inlined deeper than --max-inline-depth (the call site is then
    /// left to the interpreter's call in later recordings).</summary>
    InlineDepth,
    /// <summary>An op the tracer cannot record (a raise, del of a local, a conditional pop on a
    /// value that is not a bool or an int, a call the recording could not follow).</summary>
    UnsupportedOp,
    /// <summary>The frame the recording started in returned before the trace closed.</summary>
    LeftFrame,
    /// <summary>A loop's recording began with the iteration that ends the loop (its header's
    /// ForIter was exhausted): a trace of that path would leave the loop at once and leave every
    /// real iteration to a bridge. Tried again at the next back-edge, without back-off.</summary>
    LoopExit,
    /// <summary>A function-entry recording reached a loop header of its frame whose loop has no
    /// trace yet (an entry trace ends by jumping into its frame's loop trace). Tried again after
    /// the back-off, by when the loop has usually been traced.</summary>
    LoopNotTraced,
}

public static class AbortReasons
{
    public static readonly AbortReason[] All = Enum.GetValues<AbortReason>();

    public static string Name(AbortReason reason) => reason switch
    {
        AbortReason.TooLong => "trace_too_long",
        AbortReason.Exception => "exception",
        AbortReason.Generator => "generator",
        AbortReason.InlineDepth => "inline_depth",
        AbortReason.UnsupportedOp => "unsupported_op",
        AbortReason.LeftFrame => "left_frame",
        AbortReason.LoopExit => "loop_exit",
        AbortReason.LoopNotTraced => "loop_not_traced",
        _ => "unknown",
    };
}
