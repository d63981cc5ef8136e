// The time and sys modules.
using System.Diagnostics;
using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Runtime;

public sealed class StreamObject(TextWriter writer, ClassObject type)
{
    public readonly TextWriter Writer = writer;
    public readonly ClassObject Type = type;
}

public static class TimeModule
{
    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("time"));
        m.Function("perf_counter", static (in Args a) => Value.Float(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        m.Function("process_time", static (in Args a) => Value.Float(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds));
        m.Function("monotonic", static (in Args a) => Value.Float(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        m.Function("time", static (in Args a) => Value.Float(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0));
        m.Function("sleep", static (in Args a) => { Thread.Sleep(TimeSpan.FromSeconds(Ints.ToDouble(a[0]))); return Value.None; });
        return m.Module;
    }
}

public static class SysModule
{
    public static List<string> Argv = new();

    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("sys"));
        var argv = Lists.New();
        foreach (var s in Argv) Lists.Append(argv, Strs.New(s));
        m.Value("argv", argv);
        m.Value("maxsize", Value.Int(long.MaxValue));
        m.Value("version", Strs.New("3.11.7 (Lbbv)"));
        m.Value("platform", Strs.New("linux"));
        m.Value("byteorder", Strs.New("little"));
        m.Function("exit", static (in Args a) =>
        {
            a.Range(0, 1, "exit");
            throw new PyException(Exceptions.CreateWithArgs(Types.SystemExit, Tuples.FromSpan(a.Pos)), true);
        });
        m.Function("intern", static (in Args a) =>
        {
            a.Exactly(1, "intern");
            if (!a[0].Is(ObjectKind.Str)) throw Errors.Type($"intern() argument must be str, not {Types.NameOf(a[0])}");
            return a[0];
        });
        m.Function("getrecursionlimit", static (in Args a) => Value.Int(ThreadState.RecursionLimit));
        m.Function("setrecursionlimit", static (in Args a) =>
        {
            a.Exactly(1, "setrecursionlimit");
            long n = Ints.ToLong(a[0]);
            if (n < 1) throw Errors.ValueErr("recursion limit must be greater or equal than 1");
            // As CPython 3.11 (its depth counts this call): never at or under a live frame's depth, on
            // which JIT code relies (a frame's depth once under the limit stays under it).
            int depth = ThreadState.Depth + 1;
            if (n <= depth)
                throw Errors.New(Types.RecursionError,
                    $"cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low");
            ThreadState.RecursionLimit = (int)Math.Min(n, int.MaxValue);
            return Value.None;
        });
        m.Function("exc_info", static (in Args a) =>
        {
            var e = ThreadState.Handled;
            if (e.IsNone || e.IsEmpty) return Tuples.FromSpan([Value.None, Value.None, Value.None]);
            return Tuples.FromSpan([Types.Of(e).Self, e, Value.None]);
        });
        var streamType = Types.Make("TextIOWrapper", Types.Object, register: false);
        var tb = new TypeBuilder(streamType);
        tb.Method("write", static (in Args a) =>
        {
            a.Exactly(2, "write");
            if (!a[1].Is(ObjectKind.Str)) throw Errors.Type($"write() argument must be str, not {Types.NameOf(a[1])}");
            var w = Obj.Get<StreamObject>(a[0]).Writer;
            if (w == Builtins.Err) Builtins.Out.Flush();
            string s = Strs.Get(a[1]);
            w.Write(s);
            return Value.Int(Strs.Obj_(a[1]).Length);
        });
        tb.Method("flush", static (in Args a) => { Obj.Get<StreamObject>(a[0]).Writer.Flush(); return Value.None; });
        m.Value("stdout", Obj.New(ObjectKind.Other, new StreamObject(Builtins.Out, streamType)));
        m.Value("stderr", Obj.New(ObjectKind.Other, new StreamObject(Builtins.Err, streamType)));
        return m.Module;
    }
}
