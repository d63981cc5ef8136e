using System.Text;

namespace Lbbv.Backend.Observability;

/// <summary>
/// Writes <c>/tmp/perf-&lt;pid&gt;.map</c> (one <c>START SIZE name</c> line, hex, per published
/// range) so that <c>perf report</c> names JIT code. Lines are flushed as they are written.
/// </summary>
public sealed class PerfMap : IDisposable
{
    private readonly StreamWriter _writer;

    public PerfMap(string? path = null)
    {
        Path = path ?? $"/tmp/perf-{Environment.ProcessId}.map";
        _writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false))
        {
            AutoFlush = true,
            NewLine = "\n",
        };
    }

    public string Path { get; }

    public void Add(nint start, int size, string name) =>
        // perf splits on the first two spaces; the rest of the line is the symbol name.
        _writer.WriteLine($"{(ulong)start:x} {size:x} lbbv:{name}");

    public void Dispose() => _writer.Dispose();
}
