// The time, sys and random modules.
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
        m.Function("getrecursionlimit", static (in Args a) => Value.Int(ThreadState.RecursionLimit));
        m.Function("setrecursionlimit", static (in Args a) =>
        {
            a.Exactly(1, "setrecursionlimit");
            long n = Ints.ToLong(a[0]);
            if (n < 1) throw Errors.ValueErr("recursion limit must be greater or equal than 1");
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

public static class RandomModule
{
    static PyRandom rng = new();

    public static ModuleObject Create()
    {
        rng = new PyRandom();
        var m = new ModuleBuilder(new ModuleObject("random"));
        m.Function("seed", static (in Args a) =>
        {
            var v = a.Count > 0 ? a[0] : Value.None;
            if (v.IsNone) rng.SeedFromTime();
            else if (Ints.IsIntLike(v)) rng.Seed(BigInteger.Abs(Ints.ToBig(v)));
            else if (v.Is(ObjectKind.Str)) rng.Seed(Strs.Get(v));
            else if (v.IsFloat) rng.SeedFromHash(Protocols.Hash(v));
            else throw Errors.Type("The only supported seed types are: None, int, float, str, bytes, and bytearray.");
            return Value.None;
        });
        m.Function("random", static (in Args a) => Value.Float(rng.Random()));
        m.Function("uniform", static (in Args a) => { a.Exactly(2, "uniform"); return Value.Float(rng.Uniform(Ints.ToDouble(a[0]), Ints.ToDouble(a[1]))); });
        m.Function("randint", static (in Args a) =>
        {
            a.Exactly(2, "randint");
            var lo = Ints.ToBig(a[0]); var hi = Ints.ToBig(a[1]);
            if (hi < lo) throw Errors.ValueErr($"empty range for randrange() ({lo}, {hi + 1}, {hi + 1 - lo})");
            return Ints.FromBig(Wrap(() => rng.RandInt(lo, hi)));
        });
        m.Function("randrange", static (in Args a) =>
        {
            a.Range(1, 3, "randrange");
            if (a.Count == 1) { var stop = Ints.ToBig(a[0]); return Ints.FromBig(Wrap(() => rng.RandRange(stop))); }
            var start = Ints.ToBig(a[0]); var stop2 = Ints.ToBig(a[1]);
            var step = a.Count == 3 ? Ints.ToBig(a[2]) : BigInteger.One;
            return Ints.FromBig(Wrap(() => rng.RandRange(start, stop2, step)));
        });
        m.Function("choice", static (in Args a) =>
        {
            a.Exactly(1, "choice");
            long n = Protocols.Len(a[0]);
            if (n == 0) throw Errors.Index("Cannot choose from an empty sequence");
            return Items.Get(a[0], Value.Int(rng.ChoiceIndex(n)));
        });
        m.Function("shuffle", static (in Args a) =>
        {
            a.Exactly(1, "shuffle");
            if (!a[0].Is(ObjectKind.List)) throw Errors.Type("shuffle() requires a list");
            rng.Shuffle(Lists.Span(a[0]));
            return Value.None;
        });
        m.Function("getrandbits", static (in Args a) => Ints.FromBig(rng.GetRandBits(Ints.ToLong(a[0]))));
        return m.Module;
    }

    static T Wrap<T>(Func<T> f)
    {
        try { return f(); }
        catch (PyError e) { throw Errors.From(e); }
    }
}
