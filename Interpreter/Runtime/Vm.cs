// The entry API used by the CLI: run one program file with CPython's exit statuses and reports.
using System.Text;
using Lbbv.Syntax;

namespace Lbbv.Runtime;

public sealed class VmOptions
{
    public required TextWriter Stdout { get; init; }
    public required TextWriter Stderr { get; init; }
    public bool CollectStats { get; init; }
}

public sealed class VmStatistics
{
    public long BytecodesExecuted { get; internal set; }
    public long Calls { get; internal set; }
    public long Collections { get; internal set; }
    public long PeakHeapBytes { get; internal set; }
    public long BytesAllocated { get; internal set; }
    /// <summary>.NET's own heap (companions, big ints, the compilers' objects), over the whole process.</summary>
    public long ManagedBytesAllocated { get; internal set; }
    public long ManagedCollections { get; internal set; }
    /// <summary>Minor page faults of the whole process so far (start-up included): each maps a fresh page,
    /// which costs about 10 us on some virtual machines (bench/README.md, "Page faults at start-up").</summary>
    public long ProcessPageFaults { get; internal set; }

    public IReadOnlyList<KeyValuePair<string, long>> ToList() =>
    [
        new("bytecodes_executed", BytecodesExecuted),
        new("calls", Calls),
        new("gc_collections", Collections),
        new("peak_heap_bytes", PeakHeapBytes),
        new("bytes_allocated", BytesAllocated),
        new("managed_bytes_allocated", ManagedBytesAllocated),
        new("managed_collections", ManagedCollections),
        new("process_page_faults", ProcessPageFaults),
    ];

    /// <summary>minflt, the tenth field of /proc/self/stat (0 where there is no /proc).</summary>
    internal static long ReadPageFaults()
    {
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
            string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(rest[7], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
            or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}

public sealed class Vm
{
    static readonly object gate = new();
    const int StackSize = 1 << 30;
    readonly VmOptions options;
    public VmStatistics Statistics { get; } = new();

    public Vm(VmOptions options) { this.options = options; }

    /// <summary>Runs `path` as __main__; returns the process exit status.</summary>
    public int RunFile(string path, IReadOnlyList<string> argv)
    {
        lock (gate)
        {
            int status = 0;
            Exception? crash = null;
            var t = new Thread(() =>
            {
                try { status = RunCore(path, argv); }
                catch (Exception e)
                {
                    crash = e;
                    try
                    {
                        options.Stderr.WriteLine($"lbbv: internal error: {e.GetType().Name}: {e.Message}");
                        options.Stderr.Flush();
                        if (Environment.GetEnvironmentVariable("LBBV_DEBUG") == null) { crash = null; status = 1; }
                    }
                    catch (IOException) { }
                }
            }, StackSize);
            t.Start();
            t.Join();
            if (crash != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(crash).Throw();
            return status;
        }
    }

    int RunCore(string path, IReadOnlyList<string> argv)
    {
        var stdout = new BufferedWriter(options.Stdout);
        var stderr = new FlushingErrorWriter(options.Stderr, stdout);
        string source;
        try { source = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"lbbv: can't open file '{path}': [Errno 2] No such file or directory");
            stderr.Flush();
            return 2;
        }
        string full = Path.GetFullPath(path);
        ThreadState.SetStack(StackSize);
        RuntimeState.Reset(stdout, stderr);
        Interpreter.CountBytecodes = options.CollectStats;
        SysModule.Argv = [path, .. argv];
        Imports.MainDirectory = Path.GetDirectoryName(full) ?? ".";
        int status;
        try
        {
            Lbbv.Bytecode.CodeObject code;
            try { code = Imports.CompileFile(full, source); }
            catch (PySyntaxError e)
            {
                stdout.Flush();
                ReportSyntaxError(stderr, e, e.FileName == full ? path : e.FileName);
                return 1;
            }
            catch (NotSupportedFeatureError e)
            {
                stdout.Flush();
                stderr.WriteLine(e.Message);
                return 2;
            }
            var main = new ModuleObject("__main__") { File = full };
            var mv = Imports.NewModule(main);
            main.Set("__file__", Strs.New(full));
            Imports.Modules["__main__"] = mv;
            try
            {
                var r = Imports.RunModule(code, main);
                status = r.IsEmpty ? ReportUncaught(stderr, stdout) : 0;
            }
            catch (NotSupportedFeatureError e)
            {
                // raised while compiling an imported module: reported as for the main program
                stdout.Flush();
                stderr.WriteLine(e.Message);
                status = 2;
            }
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
            Statistics.BytecodesExecuted = Interpreter.Bytecodes;
            Statistics.Calls = Calls.CallCount;
            Statistics.Collections = Gc.Collections;
            Statistics.PeakHeapBytes = NativeHeap.PeakHeapBytes;
            Statistics.BytesAllocated = NativeHeap.BytesAllocated;
            if (options.CollectStats)
            {
                Statistics.ManagedBytesAllocated = GC.GetTotalAllocatedBytes();
                Statistics.ManagedCollections = GC.CollectionCount(0);
                Statistics.ProcessPageFaults = VmStatistics.ReadPageFaults();
            }
        }
        return status;
    }

    static int ReportUncaught(TextWriter stderr, TextWriter stdout)
    {
        var exc = ThreadState.Pending;
        ThreadState.Pending = Value.Empty;
        if (Exceptions.Matches(exc, Types.SystemExit))
        {
            var args = Exceptions.Data(exc).Args;
            Value code = Tuples.Count(args) == 1 ? Tuples.Span(args)[0] : Tuples.Count(args) == 0 ? Value.None : args;
            if (code.IsNone) return 0;
            if (code.IsInt || code.IsBool) return (int)code.Payload;
            stdout.Flush();
            stderr.WriteLine(Repr.Str(code));
            return 1;
        }
        stdout.Flush();
        stderr.Write(Exceptions.Format(exc));
        return 1;
    }

    static void ReportSyntaxError(TextWriter stderr, PySyntaxError e, string fileName)
    {
        var sb = new StringBuilder();
        sb.Append($"  File \"{fileName}\", line {e.Line}\n");
        if (e.SourceLine != null)
        {
            string line = e.SourceLine.TrimEnd('\n', '\r');
            int lead = line.Length - line.TrimStart().Length;
            sb.Append("    ").Append(line.Trim()).Append('\n');
            int col = Math.Max(0, e.Col - lead);
            sb.Append("    ").Append(' ', col).Append("^\n");
        }
        sb.Append($"{e.Kind}: {e.Message}\n");
        stderr.Write(sb.ToString());
    }
}

/// <summary>Resets every static part of the runtime before a run (one VM runs at a time).</summary>
public static class RuntimeState
{
    public static void Reset(TextWriter stdout, TextWriter stderr)
    {
        ThreadState.Reset();
        PermanentRoots.Reset();
        Tuples.ResetCache();
        Strs.ResetCache();
        Names.Reset();
        CodeRuntime.Reset();
        Gc.RootProviders.Clear();
        SourceCache.Clear();
        FrameStack.Init();
        Calls.CallCount = 0;
        Interpreter.Bytecodes = 0;
        Gc.Collections = 0;
        NativeHeap.AutomaticCollection = true;
        NativeHeap.PeakHeapBytes = NativeHeap.HeapBytes;
        NativeHeap.RestartGcSchedule();
        long before = NativeHeap.BytesAllocated;
        Builtins.Out = stdout;
        Builtins.Err = stderr;
        Types.Init();
        Imports.Reset();
        Builtins.Init();
        _ = before;
    }
}

/// <summary>A large-buffer writer for stdout (print speed matters).</summary>
public sealed class BufferedWriter(TextWriter inner) : TextWriter
{
    // The buffer starts small and doubles up to MaxChars: a short script's output then touches one
    // fresh page, not the 32 pages (128 KB) of a full-size buffer made at start.
    const int MaxChars = 1 << 16;
    char[] buffer = new char[1024];
    int length;
    public override Encoding Encoding => inner.Encoding;
    public override void Write(char value)
    {
        if (length == buffer.Length) MakeRoom(1);
        buffer[length++] = value;
    }
    public override void Write(string? value)
    {
        if (value == null) return;
        if (buffer.Length - length < value.Length) MakeRoom(value.Length);
        if (value.Length > buffer.Length) { inner.Write(value); return; }
        value.CopyTo(buffer.AsSpan(length));
        length += value.Length;
    }
    void MakeRoom(int needed)
    {
        if (length + needed <= MaxChars && buffer.Length < MaxChars)
            Array.Resize(ref buffer, Math.Min(MaxChars, Math.Max(buffer.Length * 2, length + needed)));
        else Drain();
    }
    void Drain()
    {
        if (length > 0) inner.Write(buffer.AsSpan(0, length));
        length = 0;
    }
    public override void Flush()
    {
        Drain();
        inner.Flush();
    }
}

/// <summary>stderr: flushes stdout first so the two streams interleave as in CPython.</summary>
public sealed class FlushingErrorWriter(TextWriter inner, TextWriter stdout) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;
    public override void Write(char value) { stdout.Flush(); inner.Write(value); }
    public override void Write(string? value) { stdout.Flush(); inner.Write(value); }
    public override void Flush() => inner.Flush();
}
