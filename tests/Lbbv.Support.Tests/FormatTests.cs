using System.Numerics;
using System.Text.Json;

namespace Lbbv.Support.Tests;

public sealed class FormatTests
{
    [Fact]
    public void FloatRepr()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("float_repr").EnumerateArray())
        {
            double x = Expected.Bits(row[0]);
            c.Eq(row[1].GetString()!, FloatFormat.Repr(x), $"repr({row[1]})");
        }
        c.Done();
    }

    [Fact]
    public void FloatFormatSpecs()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("float_format").EnumerateArray())
        {
            double x = Expected.Bits(row[0]);
            string spec = row[1].GetString()!;
            c.Eq(row[2].GetString()!, Expected.Res(() => FloatFormat.Format(x, FormatSpec.ParseForFloat(spec))), $"format({FloatFormat.Repr(x)}, '{spec}')");
        }
        c.Done();
    }

    [Fact]
    public void IntFormatSpecs()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("int_format").EnumerateArray())
        {
            var n = Expected.Big(row[0]);
            string spec = row[1].GetString()!;
            c.Eq(row[2].GetString()!, Expected.Res(() => IntFormat.Format(n, FormatSpec.ParseForInt(spec))), $"format({n}, '{spec}')");
        }
        c.Done();
    }

    [Fact]
    public void StrFormatSpecs()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("str_format").EnumerateArray())
        {
            string s = row[0].GetString()!, spec = row[1].GetString()!;
            c.Eq(row[2].GetString()!, Expected.Res(() => StrFormat.Format(s, FormatSpec.ParseForStr(spec))), $"format('{s}', '{spec}')");
        }
        c.Done();
    }

    /// <summary>An IPercentArgs over ints, floats, strs and bools.</summary>
    internal sealed class Args(object[] items, bool single) : IPercentArgs
    {
        public int Count => items.Length;
        public bool IsMapping => false;
        public bool Single => single;
        public int GetItem(string key) => throw new PyError("KeyError", key);
        public string Str(int h) => Values.Str(items[h]);
        public string Repr(int h) => Values.Repr(items[h]);
        public string Ascii(int h) => items[h] is string s ? PyStr.Ascii(s) : Values.Repr(items[h]);
        public string TypeName(int h) => Values.TypeName(items[h]);
        public bool TryGetInteger(int h, out BigInteger value)
        {
            switch (items[h])
            {
                case BigInteger n: value = n; return true;
                case bool b: value = b ? 1 : 0; return true;
                default: value = 0; return false;
            }
        }
        public bool TryGetDouble(int h, out double value)
        {
            switch (items[h])
            {
                case BigInteger n: value = PyInt.ToDouble(n); return true;
                case bool b: value = b ? 1 : 0; return true;
                case double d: value = d; return true;
                default: value = 0; return false;
            }
        }
        public bool TryGetString(int h, out string value)
        {
            value = items[h] as string ?? "";
            return items[h] is string;
        }
    }

    [Fact]
    public void PercentFormatting()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("percent_format").EnumerateArray())
        {
            string f = row[0].GetString()!;
            object[] items = row[1].EnumerateArray().Select(e => Expected.Dec(e.GetString()!)).ToArray();
            bool tuple = row[2].GetBoolean();
            // A single non-tuple operand is one argument; a tuple supplies its items.
            c.Eq(row[3].GetString()!, Expected.Res(() => PercentFormat.Format(f, new Args(items, !tuple))),
                $"'{f}' % {(tuple ? "tuple" : "single")}({string.Join(", ", items.Select(Values.Repr))})");
        }
        c.Done();
    }

    [Fact]
    public void StrFormatParse()
    {
        // Compare the raw pieces with _string.formatter_parser (literal, field name, spec, conversion).
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("str_format_parse").EnumerateArray())
        {
            string t = row[0].GetString()!;
            var p = new StrFormatParser(t);
            var got = new List<string>();
            while (p.Next(out string lit, out FormatField? field))
            {
                if (field is null) { got.Add(Expected.Json(lit) + "|None"); continue; }
                got.Add($"{Expected.Json(lit)}|{field.Spec}|{(field.Conversion == '\0' ? "None" : field.Conversion.ToString())}");
            }
            var exp = row[1].EnumerateArray().Select(e =>
                e[1].ValueKind == JsonValueKind.Null ? Expected.Json(e[0].GetString()!) + "|None"
                : $"{Expected.Json(e[0].GetString()!)}|{e[2].GetString()}|{(e[3].ValueKind == JsonValueKind.Null ? "None" : e[3].GetString())}");
            c.Eq(string.Join(" ; ", exp), string.Join(" ; ", got), t);
        }
        c.Done();
    }

    [Fact]
    public void StrFormatRender()
    {
        var c = new Expected.Checker();
        foreach (var row in Expected.Load("str_format_render").EnumerateArray())
        {
            string t = row[0].GetString()!;
            object[] args = row[1].EnumerateArray().Select(e => Expected.Dec(e.GetString()!)).ToArray();
            var kw = row[2].EnumerateObject().ToDictionary(p => p.Name, p => Expected.Dec(p.Value.GetString()!));
            c.Eq(row[3].GetString()!, Expected.Res(() => Render(new StrFormatParser(t), args, kw)), $"'{t}'.format({string.Join(", ", args.Select(Values.Repr))})");
        }
        c.Done();
    }

    /// <summary>A miniature str.format built on StrFormatParser, in CPython's evaluation order.</summary>
    private static string Render(StrFormatParser p, object[] args, Dictionary<string, object> kw)
    {
        var sb = new System.Text.StringBuilder();
        while (p.Next(out string lit, out FormatField? f))
        {
            sb.Append(lit);
            if (f is null) continue;
            object v;
            if (f.Index >= 0)
            {
                if (f.Index >= args.Length) throw new PyError("IndexError", $"Replacement index {f.Index} out of range for positional args tuple");
                v = args[f.Index];
            }
            else if (!kw.TryGetValue(f.Name, out v!)) throw new PyError("KeyError", f.Name);
            foreach (var a in f.Accessors())
            {
                if (a.IsAttribute)
                {
                    if (a.Name == "real" && v is BigInteger or double) continue;
                    throw new PyError("AttributeError", $"'{Values.TypeName(v)}' object has no attribute '{a.Name}'");
                }
                if (v is string s && a.Index >= 0) { v = PyStr.FromCodePoint(PyStr.CodePointAt(s, (int)a.Index)); continue; }
                if (v is string) throw PyError("TypeError", "string indices must be integers, not 'str'");
                throw new PyError("TypeError", $"'{Values.TypeName(v)}' object is not subscriptable");
            }
            switch (f.Conversion)
            {
                case '\0': break;
                case 's': v = Values.Str(v); break;
                case 'r': v = Values.Repr(v); break;
                case 'a': v = v is string s2 ? PyStr.Ascii(s2) : Values.Repr(v); break;
                default: throw StrFormatParser.UnknownConversion(f.Conversion);
            }
            string spec = f.SpecNeedsExpanding ? Render(p.Nested(f.Spec), args, kw) : f.Spec;
            sb.Append(v switch
            {
                BigInteger n => IntFormat.Format(n, FormatSpec.ParseForInt(spec)),
                double d => FloatFormat.Format(d, FormatSpec.ParseForFloat(spec)),
                string s3 => StrFormat.Format(s3, FormatSpec.ParseForStr(spec)),
                _ => throw new InvalidOperationException(),
            });
        }
        return sb.ToString();

        static PyError PyError(string t, string m) => new(t, m);
    }
}

internal static class Values
{
    public static string Str(object v) => v switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        BigInteger n => n.ToString(),
        double d => FloatFormat.Repr(d),
        _ => throw new ArgumentException(),
    };

    public static string Repr(object v) => v is string s ? PyStr.Repr(s) : Str(v);

    public static string TypeName(object v) => v switch
    {
        string => "str",
        bool => "bool",
        BigInteger => "int",
        double => "float",
        _ => "object",
    };
}
