// The random module: CPython's Mersenne Twister sequence (Support/MersenneTwister.cs). The module's
// functions use one hidden generator; random.Random(seed) makes independent ones (a C#-implemented
// class: user classes cannot derive from it yet).
using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class RandomModule
{
    delegate Value RandomFn(PyRandom rng, in Args a);

#pragma warning disable CS8618 // set by Create
    static ClassObject randomClass;
#pragma warning restore CS8618

    static readonly (string Name, RandomFn Fn)[] Functions =
    [
        ("seed", static (PyRandom rng, in Args a) =>
        {
            a.Range(0, 1, "seed");
            Seed(rng, a.Count > 0 ? a[0] : Value.None);
            return Value.None;
        }),
        ("random", static (PyRandom rng, in Args a) => { a.NoArguments("random"); return Value.Float(rng.Random()); }),
        ("uniform", static (PyRandom rng, in Args a) =>
        {
            a.Exactly(2, "uniform");
            return Value.Float(rng.Uniform(Ints.ToDouble(a[0]), Ints.ToDouble(a[1])));
        }),
        ("randint", static (PyRandom rng, in Args a) =>
        {
            a.Exactly(2, "randint");
            var lo = Ints.ToBig(a[0]); var hi = Ints.ToBig(a[1]);
            if (hi < lo) throw Errors.ValueErr($"empty range for randrange() ({lo}, {hi + 1}, {hi + 1 - lo})");
            return Ints.FromBig(Wrap(() => rng.RandInt(lo, hi)));
        }),
        ("randrange", static (PyRandom rng, in Args a) =>
        {
            a.Range(1, 3, "randrange");
            if (a.Count == 1) { var stop = Ints.ToBig(a[0]); return Ints.FromBig(Wrap(() => rng.RandRange(stop))); }
            var start = Ints.ToBig(a[0]); var stop2 = Ints.ToBig(a[1]);
            var step = a.Count == 3 ? Ints.ToBig(a[2]) : BigInteger.One;
            return Ints.FromBig(Wrap(() => rng.RandRange(start, stop2, step)));
        }),
        ("choice", static (PyRandom rng, in Args a) =>
        {
            a.Exactly(1, "choice");
            long n = Protocols.Len(a[0]);
            if (n == 0) throw Errors.Index("Cannot choose from an empty sequence");
            return Items.Get(a[0], Value.Int(rng.ChoiceIndex(n)));
        }),
        ("shuffle", static (PyRandom rng, in Args a) =>
        {
            a.Exactly(1, "shuffle");
            if (!a[0].Is(ObjectKind.List)) throw Errors.Type("shuffle() requires a list");
            rng.Shuffle(Lists.Span(a[0]));
            return Value.None;
        }),
        ("getrandbits", static (PyRandom rng, in Args a) =>
        {
            a.Exactly(1, "getrandbits");
            long k = Ints.ToLong(a[0]);
            if (k < 0) throw Errors.ValueErr("number of bits must be non-negative");
            return Ints.FromBig(rng.GetRandBits(k));
        }),
        ("randbytes", static (PyRandom rng, in Args a) =>
        {
            a.Exactly(1, "randbytes");
            long n = Ints.ToLong(a[0]);
            if (n < 0) throw Errors.ValueErr("negative argument not allowed");
            var bits = rng.GetRandBits(n * 8);
            var bytes = new byte[n];
            var raw = bits.ToByteArray(isUnsigned: true, isBigEndian: false);
            Array.Copy(raw, bytes, Math.Min(raw.Length, bytes.Length));
            return BytesType.New(bytes);
        }),
    ];

    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("random"));
        var moduleRng = new PyRandom();
        foreach (var (name, fn) in Functions) m.Function(name, (in Args a) => fn(moduleRng, a));
        randomClass = NativeInstances.MakeClass("random", "Random");
        randomClass.Ctor = static (in Args a) =>
        {
            a.Range(0, 1, "Random");
            var rng = new PyRandom();
            if (a.Count == 1) Seed(rng, a[0]);
            return NativeInstances.New(randomClass, rng);
        };
        var t = new TypeBuilder(randomClass);
        foreach (var (name, fn) in Functions)
        {
            string method = name;
            t.Method(name, (in Args a) =>
            {
                var rng = NativeInstances.Self<PyRandom>(a[0], randomClass, method);
                return fn(rng, new Args(a.Pos[1..], a.KwValues, a.KwNames));
            });
        }
        m.Value("Random", randomClass.Self);
        return m.Module;
    }

    static void Seed(PyRandom rng, Value v)
    {
        if (v.IsNone) rng.SeedFromTime();
        else if (Ints.IsIntLike(v)) rng.Seed(BigInteger.Abs(Ints.ToBig(v)));
        else if (v.Is(ObjectKind.Str)) rng.Seed(Strs.Get(v));
        else if (v.IsFloat) rng.SeedFromHash(Protocols.Hash(v));
        else throw Errors.Type("The only supported seed types are: None, int, float, str, bytes, and bytearray.");
    }

    static T Wrap<T>(Func<T> f)
    {
        try { return f(); }
        catch (PyError e) { throw Errors.From(e); }
    }
}
