using System.Text.Json;

namespace Lbbv.Support.Tests;

public sealed class StrTests
{
    private static string Str(JsonElement e) => e.GetString()!;

    private static string EncJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "s" + Expected.Json(e.GetString()!),
        JsonValueKind.True => "b1",
        JsonValueKind.False => "b0",
        JsonValueKind.Number => "i" + e.GetRawText(),
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(EncJson)) + "]",
        _ => e.GetRawText(),
    };

    [Fact]
    public void StrOps()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("str_ops").EnumerateArray())
        {
            string s = Str(row.GetProperty("s"));
            string w = Expected.Json(s);
            c.Eq(Str(row.GetProperty("upper")), PyStr.Upper(s), "upper " + w);
            c.Eq(Str(row.GetProperty("lower")), PyStr.Lower(s), "lower " + w);
            c.Eq(Str(row.GetProperty("title")), PyStr.Title(s), "title " + w);
            c.Eq(Str(row.GetProperty("capitalize")), PyStr.Capitalize(s), "capitalize " + w);
            c.Eq(Str(row.GetProperty("swapcase")), PyStr.SwapCase(s), "swapcase " + w);
            c.Eq(Str(row.GetProperty("casefold")), PyStr.CaseFold(s), "casefold " + w);
            c.Eq(Str(row.GetProperty("repr")), PyStr.Repr(s), "repr " + w);
            c.Eq(Str(row.GetProperty("ascii")), PyStr.Ascii(s), "ascii " + w);
            c.Eq(row.GetProperty("len").GetRawText(), PyStr.Length(s).ToString(), "len " + w);
            bool[] preds = [PyStr.IsDigit(s), PyStr.IsAlpha(s), PyStr.IsSpace(s), PyStr.IsAlnum(s), PyStr.IsUpper(s),
                PyStr.IsLower(s), PyStr.IsDecimal(s), PyStr.IsNumeric(s), PyStr.IsTitleStr(s), PyStr.IsIdentifier(s), PyStr.IsPrintable(s)];
            c.Eq(EncJson(row.GetProperty("preds")), Expected.Enc(preds), "preds " + w);
            object[] split = [PyStr.Split(s, null), PyStr.Split(s, null, 1), PyStr.RSplit(s, null), PyStr.RSplit(s, null, 1),
                PyStr.Split(s, ","), PyStr.Split(s, ",", 1), PyStr.RSplit(s, ",", 1), PyStr.Split(s, "X"), PyStr.RSplit(s, "X", 2),
                PyStr.SplitLines(s), PyStr.SplitLines(s, true)];
            c.Eq(EncJson(row.GetProperty("split")), Expected.Enc(split), "split " + w);
            string[] strip = [PyStr.Strip(s), PyStr.LStrip(s), PyStr.RStrip(s), PyStr.Strip(s, "a"), PyStr.Strip(s, "ab "),
                PyStr.RStrip(s, "X"), PyStr.LStrip(s, "\U0001F600x ")];
            c.Eq(EncJson(row.GetProperty("strip")), Expected.Enc(strip), "strip " + w);
            string[] pad = [PyStr.ZFill(s, 8), PyStr.LJust(s, 9), PyStr.RJust(s, 9, "*"), PyStr.Center(s, 9), PyStr.Center(s, 10, "-"),
                PyStr.Center(s, 4), PyStr.ExpandTabs(s), PyStr.ExpandTabs(s, 4), PyStr.ExpandTabs(s, 0)];
            c.Eq(EncJson(row.GetProperty("pad")), Expected.Enc(pad), "pad " + w);
            foreach (var r in row.GetProperty("sub").EnumerateArray())
            {
                string sub = Str(r[0]);
                string ww = $"{w} sub={Expected.Json(sub)}";
                if (r.GetArrayLength() == 9)
                {
                    long a = r[1].GetInt64();
                    long b = r[3].GetBoolean() ? long.MaxValue : r[2].GetInt64();
                    ww += $" [{a}:{b}]";
                    c.Eq(r[4].GetRawText(), PyStr.Find(s, sub, a, b).ToString(), "find " + ww);
                    c.Eq(r[5].GetRawText(), PyStr.RFind(s, sub, a, b).ToString(), "rfind " + ww);
                    c.Eq(r[6].GetRawText(), PyStr.Count(s, sub, a, b).ToString(), "count " + ww);
                    c.Eq(EncJson(r[7]), Expected.Enc(PyStr.StartsWith(s, sub, a, b)), "startswith " + ww);
                    c.Eq(EncJson(r[8]), Expected.Enc(PyStr.EndsWith(s, sub, a, b)), "endswith " + ww);
                }
                else
                {
                    c.Eq(Str(r[4]), PyStr.Replace(s, sub, "<>"), "replace " + ww);
                    c.Eq(Str(r[5]), PyStr.Replace(s, sub, "-", 2), "replace2 " + ww);
                    c.Eq(Str(r[6]), Expected.Res(() => PyStr.Partition(s, sub)), "partition " + ww);
                    c.Eq(Str(r[7]), Expected.Res(() => PyStr.RPartition(s, sub)), "rpartition " + ww);
                    c.Eq(Str(r[8]), Expected.Res(() => PyStr.Split(s, sub)), "split(sub) " + ww);
                    c.Eq(Str(r[9]), Expected.Res(() => PyStr.RSplit(s, sub, 1)), "rsplit(sub, 1) " + ww);
                }
            }
        }
        c.Done();
    }

    [Fact]
    public void CodePointTables()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("str_codepoints").EnumerateArray())
        {
            int cp = row[0].GetInt32();
            string s = PyStr.FromCodePoint(cp);
            string w = $"U+{cp:X4}";
            c.Eq(Str(row[1]), PyStr.Upper(s), "upper " + w);
            c.Eq(Str(row[2]), PyStr.Lower(s), "lower " + w);
            c.Eq(Str(row[3]), PyStr.Title(s), "title " + w);
            c.Eq(Str(row[4]), PyStr.Repr(s), "repr " + w);
            bool[] p = [PyStr.IsDigit(s), PyStr.IsAlpha(s), PyStr.IsSpace(s), PyStr.IsAlnum(s), PyStr.IsUpper(s), PyStr.IsLower(s),
                PyStr.IsDecimal(s), PyStr.IsNumeric(s), PyStr.IsPrintable(s)];
            c.Eq(Str(row[5]), string.Concat(p.Select(b => b ? '1' : '0')), "preds " + w);
        }
        c.Done();
    }

    [Fact]
    public void CodePointHelpers()
    {
        string s = "a\U0001F600b\uD800c";
        Assert.True(PyStr.HasSurrogates(s));
        Assert.Equal(5, PyStr.Length(s));
        Assert.Equal(3, PyStr.CodePointToIndex(s, 2));
        Assert.Equal(2, PyStr.IndexToCodePoint(s, 3));
        Assert.Equal(0x1F600, PyStr.CodePointAt(s, 1));
        Assert.Equal(0xD800, PyStr.CodePointAt(s, 3));
        Assert.Equal("\U0001F600b", PyStr.Slice(s, 1, 3));
        Assert.Equal(3, PyStr.Find(s, "\uD800"));
        Assert.Equal("'a\U0001F600b\\ud800c'", PyStr.Repr(s));
    }
}
