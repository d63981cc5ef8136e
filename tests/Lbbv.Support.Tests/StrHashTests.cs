namespace Lbbv.Support.Tests;

/// <summary>hash(str) against CPython 3.11 with PYTHONHASHSEED=0 (Data/str_hash.json): widths 1, 2
/// and 4, lengths around the 8-byte block, a lone surrogate, random mixes.</summary>
public sealed class StrHashTests
{
    [Fact]
    public void MatchesCPythonWithHashSeedZero()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("str_hash").EnumerateArray())
        {
            var sb = new System.Text.StringBuilder();
            foreach (var cp in row[0].EnumerateArray())
            {
                int v = cp.GetInt32();
                sb.Append(v is >= 0xD800 and <= 0xDFFF ? ((char)v).ToString() : char.ConvertFromUtf32(v));
            }
            string s = sb.ToString();
            c.Eq(Expected.Enc(row[1].GetInt64()), Expected.Enc(StrHash.Of(s)), $"hash({Expected.Json(s)})");
        }
        c.Done();
    }
}
