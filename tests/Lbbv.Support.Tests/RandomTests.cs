using System.Numerics;

namespace Lbbv.Support.Tests;

public sealed class RandomTests
{
    [Fact]
    public void SequencesMatchCPython()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("random").EnumerateArray())
        {
            var seed = Expected.Big(row[0]);
            var r = new PyRandom(seed);
            int randomOps = 0;
            foreach (var op in row[1].EnumerateArray())
            {
                string name = op[0].GetString()!, exp = op[1].GetString()!;
                string w = $"seed={seed} {name}";
                object got = name switch
                {
                    // The first "random" op draws 5 values; the second draws 700 (ToList: LINQ would skip calls) and keeps the last 5.
                    "random" => randomOps++ == 0
                        ? Enumerable.Range(0, 5).Select(_ => (object)r.Random()).ToList()
                        : Enumerable.Range(0, 700).Select(_ => r.Random()).ToList().Skip(695).Cast<object>().ToList(),
                    "getrandbits" => new[] { 1, 5, 31, 32, 33, 63, 64, 65, 100, 200, 0 }.Select(k => (object)new object[] { k, r.GetRandBits(k) }).ToList(),
                    "randrange1" => new[] { BigInteger.One, 2, 3, 10, 100, 1000, BigInteger.Pow(2, 31), BigInteger.Pow(2, 32) + 1, BigInteger.Pow(10, 30) }
                        .Select(n => (object)new object[] { n, r.RandRange(n) }).ToList(),
                    "randrange3" => new (BigInteger, BigInteger, BigInteger)[] { (0, 10, 1), (5, 100, 7), (100, 5, -3), (-50, 50, 1), (0, BigInteger.Pow(2, 70), 3), (10, 0, -1) }
                        .Select(t => (object)new object[] { t.Item1, t.Item2, t.Item3, r.RandRange(t.Item1, t.Item2, t.Item3) }).ToList(),
                    "randint" => new (BigInteger, BigInteger)[] { (1, 6), (0, 0), (-10, 10), (1, BigInteger.Pow(10, 20)) }
                        .Select(t => (object)new object[] { t.Item1, t.Item2, r.RandInt(t.Item1, t.Item2) }).ToList(),
                    "choice" => new long[] { 1, 2, 5, 17, 1000 }.Select(n => (object)new object[] { n, r.ChoiceIndex(n) }).ToList(),
                    "shuffle" => Shuffled(r),
                    "uniform" => Enumerable.Range(0, 3).Select(_ => (object)r.Uniform(1.5, 9.25)).ToList(),
                    _ => throw new InvalidOperationException(name),
                };
                c.Eq(exp, Expected.Enc(got), w);
            }
        }
        c.Done();
    }

    private static List<object> Shuffled(PyRandom r)
    {
        var l = Enumerable.Range(0, 20).Select(i => (object)i).ToList();
        r.Shuffle(l);
        return l;
    }

    [Fact]
    public void ErrorsMatchCPython()
    {
        var c = new Expected.Checker();
        var r = new PyRandom(1);
        foreach (var row in Expected.Load("random_errors").EnumerateArray())
        {
            var a = row[0].EnumerateArray().Select(Expected.Big).ToArray();
            string got = Expected.Res(() => a.Length switch
            {
                1 => r.RandRange(a[0]),
                2 => r.RandRange(a[0], a[1], 1),
                _ => r.RandRange(a[0], a[1], a[2]),
            });
            c.Eq(row[1].GetString()!, got, "randrange" + string.Join(",", a));
        }
        c.Done();
    }

    [Fact]
    public void StringSeeds()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("random_strseed").EnumerateArray())
        {
            foreach (var e in row[1].EnumerateArray())
            {
                var r = new PyRandom(0);
                r.Seed(row[0].GetString()!);
                c.Eq(FloatFormat.Repr(e.GetDouble()), FloatFormat.Repr(r.Random()), "seed " + row[0]);
            }
        }
        c.Done();
    }
}
