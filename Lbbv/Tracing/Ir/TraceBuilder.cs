// Turns a closed recording into the trace IR: one op per recorded op, each knowing where its frame
// went next (the recorded direction of its branch), then the guards the observations call for
// (GuardInsertion).
using Lbbv.Tracing.Recording;

namespace Lbbv.Tracing.Ir;

internal static class TraceBuilder
{
    public static Trace Build(Recorder recording, TraceCode code, TraceAnchor? anchor, bool keepIr)
    {
        var recorded = recording.Ops;
        var ops = new List<TraceOp>(recorded.Count);
        foreach (var r in recorded)
            ops.Add(new TraceOp
            {
                Kind = TraceOpKind.Op, Code = r.Code, Offset = r.Offset, Op = r.Op, Arg = r.Arg, Depth = r.Depth,
                Stack = r.Stack, Call = r.Call, Observed = keepIr ? Describe(r.Stack) : "",
            });
        var target = recording.ClosedAt;
        SetSuccessors(ops, target?.Offset ?? -1);
        return new Trace
        {
            Code = code, StartOffset = recording.StartOffset, Loop = anchor as LoopHeader,
            Function = anchor as FunctionEntry, Target = target,
            EntryValues = recording.EntryValues, Ops = ops, RecordedOps = recorded.Count,
        };
    }

    /// <summary>The observed stack as types (classes for instances), for the dump.</summary>
    private static string Describe(Runtime.Value[] stack) => string.Join(", ", stack.Select(v =>
        v.IsObject ? Runtime.Types.NameOf(v) : Types.TagMapping.FromTag((byte)v.Tag, 0).ToString()));

    /// <summary>Each op's successor: the offset of the next op recorded in the same frame (an
    /// inlined call's ops in between are skipped); the last op of the root frame continues at the
    /// header the trace closes at.</summary>
    public static void SetSuccessors(List<TraceOp> ops, int closingOffset)
    {
        var nextAtDepth = new Dictionary<int, int>();
        for (int i = ops.Count - 1; i >= 0; i--)
        {
            var op = ops[i];
            if (op.Kind != TraceOpKind.Op) continue;
            op.Successor = nextAtDepth.TryGetValue(op.Depth, out int next) ? next : op.Depth == 0 ? closingOffset : -1;
            nextAtDepth[op.Depth] = op.Offset;
            // An inlined call's frame starts here: ops before it at deeper depths belong to other calls.
            foreach (int d in nextAtDepth.Keys.Where(d => d > op.Depth).ToList()) nextAtDepth.Remove(d);
        }
    }
}
