using Lbbv.Tracing.Ir;

namespace Lbbv.Tracing;

/// <summary>`--dump-traces`: each trace's and bridge's IR as recorded and after the passes, every op
/// with the side exits lowered for it (snapshot, failures).</summary>
public static class TraceDump
{
    public static void Write(TracingTier tier, TextWriter output)
    {
        output.WriteLine("lbbv traces:");
        foreach (var t in tier.Traces)
        {
            var ir = t.Ir;
            string from = t.FromExit is { } e ? $" from exit {e.Id} of {e.Owner.Name} ({e.Snapshot})" : "";
            output.WriteLine($"{t.Name} of {ir.Code.Name} @{ir.StartOffset}{from}: {ir.RecordedOps} ops recorded, "
                + $"ends {(ir.Target is { } h ? $"at {h}" : "in a return")}"
                + $"{(ir.ClosesOwnLoop ? " (its own loop)" : "")}; entered {t.Entries} times, "
                + $"{t.CodeBytes} bytes, {t.GuardsEmitted} guards emitted{(t.Invalidated ? ", no longer entered" : "")}"
                + (t.TypeTests is { } c ? $", {tier.Backend.Read(c)} type tests run" : ""));
            if (t.Unoptimized is { } before)
            {
                output.WriteLine("  before optimization:");
                foreach (var op in before) output.WriteLine($"    {Line(op)}");
            }
            output.WriteLine("  after optimization:");
            foreach (var op in ir.Ops)
            {
                output.WriteLine($"    {Line(op)}{(op.IsRemoved ? $"   [removed by {op.RemovedBy}]" : "")}");
                foreach (var exit in op.Exits)
                {
                    long counted = exit.Failures is { } f ? tier.Backend.Read(f) : -1;
                    string bridge = exit.Bridge is { } b ? $" -> {b.Name}" : "";
                    output.WriteLine($"        exit {exit.Id} ({exit.Kind.ToString().ToLowerInvariant()}): {exit.Snapshot}; "
                        + $"failed {(counted >= 0 ? counted : exit.Taken)}, left to the interpreter {exit.Taken}{bridge}");
                }
            }
        }
    }

    private static string Line(TraceOp op)
    {
        string indent = new(' ', 2 * op.Depth);
        string where = op.Kind == TraceOpKind.LoopStart ? "" : $"{op.Code.Name}@{op.Offset} ";
        string seen = op.Kind == TraceOpKind.Op && op.Observed.Length > 0 ? $"   seen [{op.Observed}]" : "";
        return $"{indent}{where}{op}{seen}";
    }
}
