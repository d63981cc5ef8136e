// Methods of str (algorithms from Lbbv.Support.PyStr).
using System.Runtime.CompilerServices;
using System.Text;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class StrMethods
{
    static string S(in Args a) => Strs.Get(a[0]);

    static string StrArg(Value v, string fname)
    {
        if (!v.Is(ObjectKind.Str)) throw Errors.Type($"{fname} arg must be None or str");
        return Strs.Get(v);
    }

    /// <summary>A str argument, or CPython's TypeError: <paramref name="message"/>, then the type found
    /// (argument clinic's messages, those naming the argument, say None for None).</summary>
    static string StrOr(Value v, string message)
    {
        if (v.Is(ObjectKind.Str)) return Strs.Get(v);
        string found = v.IsNone && message.Contains(" argument ") ? "None" : Types.NameOf(v);
        throw Errors.Type($"{message}, not {found}");
    }

    static long OptIndex(in Args a, int i, long dflt) => a.Count > i && !a[i].IsNone ? Ints.ToLong(a[i]) : dflt;

    public static void Register(TypeBuilder t)
    {
        t.Method("join", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "join");
            string sep = S(a);
            var items = Protocols.ToList(a[1]);
            var sb = new StringBuilder();
            for (int i = 0; i < items.Count; i++)
            {
                var item = BuiltinSubclasses.Unwrap(items[i]); // a str subclass joins as its str
                if (!item.Is(ObjectKind.Str))
                    throw Errors.Type($"sequence item {i}: expected str instance, {Types.NameOf(items[i])} found");
                if (i > 0) sb.Append(sep);
                sb.Append(Strs.Get(item));
            }
            return Strs.New(sb.ToString());
        });
        t.Method("split", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => SplitImpl(a, false));
        t.Method("rsplit", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => SplitImpl(a, true));
        t.Method("splitlines", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            bool keep = a.Count > 1 ? Protocols.IsTrue(a[1]) : !a.Kw("keepends").IsEmpty && Protocols.IsTrue(a.Kw("keepends"));
            return Lists.FromSpan(PyStr.SplitLines(S(a), keep).Select(Strs.New).ToArray());
        });
        t.Method("strip", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.Strip(S(a), a.Count > 1 && !a[1].IsNone ? StrArg(a[1], "strip") : null)));
        t.Method("lstrip", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.LStrip(S(a), a.Count > 1 && !a[1].IsNone ? StrArg(a[1], "lstrip") : null)));
        t.Method("rstrip", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.RStrip(S(a), a.Count > 1 && !a[1].IsNone ? StrArg(a[1], "rstrip") : null)));
        t.Method("replace", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            if (a.Count < 3) throw Errors.Type($"replace expected at least 2 arguments, got {a.Count - 1}");
            return Strs.New(PyStr.Replace(S(a), StrOr(a[1], "replace() argument 1 must be str"),
                StrOr(a[2], "replace() argument 2 must be str"), a.Count > 3 ? Ints.ToLong(a[3]) : -1));
        });
        t.Method("startswith", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(Affix(a, false)));
        t.Method("endswith", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(Affix(a, true)));
        t.Method("find", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(PyStr.Find(S(a), Sub(a, "find"), OptIndex(a, 2, 0), OptIndex(a, 3, long.MaxValue))));
        t.Method("rfind", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(PyStr.RFind(S(a), Sub(a, "rfind"), OptIndex(a, 2, 0), OptIndex(a, 3, long.MaxValue))));
        t.Method("index", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            string s = S(a), sub = Sub(a, "index");
            long lo = OptIndex(a, 2, 0), hi = OptIndex(a, 3, long.MaxValue);
            return Value.Int(Wrap(() => PyStr.Index(s, sub, lo, hi)));
        });
        t.Method("rindex", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            string s = S(a), sub = Sub(a, "rindex");
            long lo = OptIndex(a, 2, 0), hi = OptIndex(a, 3, long.MaxValue);
            return Value.Int(Wrap(() => PyStr.RIndex(s, sub, lo, hi)));
        });
        t.Method("count", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(PyStr.Count(S(a), Sub(a, "count"), OptIndex(a, 2, 0), OptIndex(a, 3, long.MaxValue))));
        t.Method("upper", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.Upper(S(a))));
        t.Method("lower", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.Lower(S(a))));
        t.Method("casefold", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.CaseFold(S(a))));
        t.Method("title", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.Title(S(a))));
        t.Method("capitalize", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.Capitalize(S(a))));
        t.Method("swapcase", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.SwapCase(S(a))));
        t.Method("isdigit", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsDigit(S(a))));
        t.Method("isdecimal", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsDecimal(S(a))));
        t.Method("isnumeric", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsNumeric(S(a))));
        t.Method("isalpha", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsAlpha(S(a))));
        t.Method("isalnum", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsAlnum(S(a))));
        t.Method("isspace", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsSpace(S(a))));
        t.Method("isupper", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsUpper(S(a))));
        t.Method("islower", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsLower(S(a))));
        t.Method("istitle", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsTitleStr(S(a))));
        t.Method("isidentifier", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsIdentifier(S(a))));
        t.Method("isascii", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(PyStr.IsAsciiStr(S(a))));
        t.Method("zfill", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.ZFill(S(a), Ints.ToLong(a[1]))));
        t.Method("ljust", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.LJust(S(a), Ints.ToLong(a[1]), Fill(a))));
        t.Method("rjust", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.RJust(S(a), Ints.ToLong(a[1]), Fill(a))));
        t.Method("center", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.Center(S(a), Ints.ToLong(a[1]), Fill(a))));
        t.Method("expandtabs", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Strs.New(PyStr.ExpandTabs(S(a), a.Count > 1 ? Ints.ToLong(a[1]) : 8)));
        t.Method("partition", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            string s0 = S(a), sep = StrOr(a[1], "must be str");
            var (h, s, tl) = Wrap(() => PyStr.Partition(s0, sep));
            return Tuples.FromSpan([Strs.New(h), Strs.New(s), Strs.New(tl)]);
        });
        t.Method("rpartition", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            string s0 = S(a), sep = StrOr(a[1], "must be str");
            var (h, s, tl) = Wrap(() => PyStr.RPartition(s0, sep));
            return Tuples.FromSpan([Strs.New(h), Strs.New(s), Strs.New(tl)]);
        });
        t.Method("format", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            var kwNames = a.KwNames;
            var kwVals = a.KwValues.ToArray();
            Func<string, Value> kw = name =>
            {
                for (int i = 0; i < kwVals.Length; i++) if (Strs.Get(Tuples.Span(kwNames)[i]) == name) return kwVals[i];
                return Value.Empty;
            };
            return Strs.New(Formatting.StrFormat_(S(a), a.Pos[1..], kw));
        });
        t.Method("encode", static (in Args a) =>
        {
            if (a.Count > 3) throw Errors.Type($"encode() takes at most 2 arguments ({a.Count - 1} given)");
            a.AllowKw("encode", "encoding", "errors");
            var encoding = a.Count > 1 ? a[1] : a.Kw("encoding");
            return BytesType.New(BytesType.Encode(Strs.Get(a[0]), encoding.IsEmpty ? "utf-8"
                : StrOr(encoding, "encode() argument 'encoding' must be str")));
        });
        t.Method("__len__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Int(Strs.Obj_(a[0]).Length));
        t.Method("__contains__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Value.Bool(Protocols.Contains(a[0], a[1])));
        t.Method("__getitem__", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => Items.Get(a[0], a[1]));
    }

    static T Wrap<T>(Func<T> f)
    {
        try { return f(); }
        catch (PyError e) { throw Errors.From(e); }
    }

    static string Fill(in Args a)
    {
        if (a.Count < 3) return " ";
        if (!a[2].Is(ObjectKind.Str) || Strs.Obj_(a[2]).Length != 1)
            throw Errors.Type("The fill character must be exactly one character long");
        return Strs.Get(a[2]);
    }

    static string Sub(in Args a, string fname)
    {
        if (a.Count < 2) throw Errors.Type($"{fname}() takes at least 1 argument (0 given)");
        return StrOr(a[1], "must be str");
    }

    static bool Affix(in Args a, bool end)
    {
        string s = S(a);
        long start = OptIndex(a, 2, 0), stop = OptIndex(a, 3, long.MaxValue);
        var p = a[1];
        if (p.Is(ObjectKind.Tuple))
        {
            foreach (var x in Tuples.Span(p))
            {
                string ps = StrOr(x, $"tuple for {(end ? "endswith" : "startswith")} must only contain str");
                if (end ? PyStr.EndsWith(s, ps, start, stop) : PyStr.StartsWith(s, ps, start, stop)) return true;
            }
            return false;
        }
        if (!p.Is(ObjectKind.Str))
            throw Errors.Type($"{(end ? "endswith" : "startswith")} first arg must be str or a tuple of str, not {Types.NameOf(p)}");
        return end ? PyStr.EndsWith(s, Strs.Get(p), start, stop) : PyStr.StartsWith(s, Strs.Get(p), start, stop);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static Value SplitImpl(in Args a, bool right)
    {
        a.AllowKw(right ? "rsplit" : "split", "sep", "maxsplit");
        Value sepV = a.Count > 1 ? a[1] : a.Kw("sep");
        Value maxV = a.Count > 2 ? a[2] : a.Kw("maxsplit");
        string? sep = sepV.IsEmpty || sepV.IsNone ? null : StrOr(sepV, "must be str or None");
        if (sep != null && sep.Length == 0) throw Errors.ValueErr("empty separator");
        long max = maxV.IsEmpty ? -1 : Ints.ToLong(maxV);
        var parts = right ? PyStr.RSplit(S(a), sep, max) : PyStr.Split(S(a), sep, max);
        var r = Lists.New(parts.Count);
        foreach (var p in parts) Lists.Append(r, Strs.New(p));
        return r;
    }
}
