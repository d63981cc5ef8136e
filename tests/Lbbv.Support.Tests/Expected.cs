using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Lbbv.Support.Tests;

/// <summary>Loads Data/*.json (from gen_expected.py) and encodes results the way the script does.</summary>
internal static class Expected
{
    public static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", name + ".json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static double Bits(JsonElement e) => BitConverter.Int64BitsToDouble(e.GetInt64());
    public static BigInteger Big(JsonElement e) => BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Python's json.dumps(s) with ensure_ascii.</summary>
    public static string Json(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string Enc(object? v) => v switch
    {
        null => "None",
        bool b => b ? "b1" : "b0",
        int i => "i" + i.ToString(CultureInfo.InvariantCulture),
        long l => "i" + l.ToString(CultureInfo.InvariantCulture),
        BigInteger n => "i" + n.ToString(CultureInfo.InvariantCulture),
        double d => "f" + BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture),
        string s => "s" + Json(s),
        System.Runtime.CompilerServices.ITuple t => "[" + string.Join(",", Enumerable.Range(0, t.Length).Select(k => Enc(t[k]))) + "]",
        System.Collections.IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Enc)) + "]",
        _ => throw new ArgumentException(v.GetType().ToString()),
    };

    /// <summary>Decodes an encoded scalar ("i5", "f123", "s\"x\"", "b1").</summary>
    public static object Dec(string s) => s[0] switch
    {
        'i' => BigInteger.Parse(s.AsSpan(1), CultureInfo.InvariantCulture),
        'f' => BitConverter.Int64BitsToDouble(long.Parse(s.AsSpan(1), CultureInfo.InvariantCulture)),
        's' => JsonSerializer.Deserialize<string>(s[1..])!,
        'b' => s[1] == '1',
        _ => throw new ArgumentException(s),
    };

    public static string Res(Func<object?> f)
    {
        try { return "ok " + Enc(f()); }
        catch (PyError e) when (e.PyType == "NotImplementedError") { return "ok complex"; }
        catch (PyError e) { return "err " + e.PyType + ": " + e.Message; }
    }

    /// <summary>Collects mismatches and fails with the first few.</summary>
    public sealed class Checker
    {
        private readonly List<string> _fails = new();
        public int Total { get; private set; }
        public void Eq(string expected, string actual, string what)
        {
            Total++;
            if (expected != actual) _fails.Add($"{what}: expected {expected} got {actual}");
        }
        public void Done()
        {
            Assert.True(Total > 0);
            if (_fails.Count > 0)
                Assert.Fail($"{_fails.Count}/{Total} mismatches:\n" + string.Join("\n", _fails.Take(25)));
        }
    }
}
