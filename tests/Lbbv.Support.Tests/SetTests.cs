using System.Numerics;

namespace Lbbv.Support.Tests;

public sealed class SetTests
{
    private static SetTable<BigInteger> New() => new(PyInt.Hash, (a, b) => a == b);

    private static string L(SetTable<BigInteger> s) => Expected.Enc(s.ToList());

    private static string J(System.Text.Json.JsonElement e) =>
        "[" + string.Join(",", e.EnumerateArray().Select(x => "i" + x.GetRawText())) + "]";

    [Fact]
    public void OrdersMatchCPython()
    {
        var c = new Expected.Checker();
        int n = 0;
        foreach (var row in Expected.Load("sets").EnumerateArray())
        {
            string w = $"case {n++}";
            var s = New();
            var values = new List<BigInteger>();
            foreach (var op in row.GetProperty("ops").EnumerateArray())
            {
                string k = op[0].GetString()!;
                var v = BigInteger.Parse(op[1].GetRawText());
                values.Add(v);
                if (k == "a") s.Add(v);
                else if (k == "d") s.Discard(v);
                else c.Eq("i" + v, "i" + s.Pop(), w + " pop");
            }
            c.Eq(J(row.GetProperty("list")), L(s), w + " list");
            var o = New();
            foreach (var x in row.GetProperty("other").EnumerateArray()) o.Add(BigInteger.Parse(x.GetRawText()));
            c.Eq(J(row.GetProperty("otherlist")), L(o), w + " other");
            c.Eq(J(row.GetProperty("copy")), L(s.Copy()), w + " copy");
            c.Eq(J(row.GetProperty("or")), L(s.Union(o)), w + " |");
            c.Eq(J(row.GetProperty("and")), L(s.Intersection(o)), w + " &");
            c.Eq(J(row.GetProperty("sub")), L(s.Difference(o)), w + " -");
            c.Eq(J(row.GetProperty("xor")), L(s.SymmetricDifference(o)), w + " ^");
            c.Eq(J(row.GetProperty("rsub")), L(o.Difference(s)), w + " rsub");
            var f = New();
            f.UpdateFrom(values);
            c.Eq(J(row.GetProperty("fromlist")), L(f), w + " fromlist");
            var pops = new List<BigInteger>();
            while (s.Count > 0) pops.Add(s.Pop());
            c.Eq(J(row.GetProperty("pops")), Expected.Enc(pops), w + " pops");
        }
        c.Done();
    }

    [Fact]
    public void TupleHashMatchesCPython()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("tuple_hash").EnumerateArray())
        {
            long[] hs = row[0].EnumerateArray().Select(e => long.Parse(e.GetString()!)).ToArray();
            c.Eq(row[1].GetRawText(), TupleHash.HashTuple(hs).ToString(), "tuple " + string.Join(",", hs));
        }
        c.Done();
    }

    [Fact]
    public void FrozenSetHashMatchesCPython()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("frozenset_hash").EnumerateArray())
        {
            var s = New();
            foreach (var x in row[0].EnumerateArray()) s.Add(BigInteger.Parse(x.GetRawText()));
            c.Eq(row[1].GetRawText(), s.FrozenSetHash().ToString(), "frozenset " + row[0].GetRawText());
        }
        c.Done();
    }
}
