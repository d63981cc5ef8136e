// bytes, the basics: construction (from a size, ints, str + encoding), repr, len, indexing and
// slicing, iteration, `in`, comparisons, hashing (CPython's: equal to the hash of the Latin-1
// str), + and *, decode/hex/fromhex/count/find/startswith/endswith, and str.encode. Enough for
// programs that make, compare and store bytes (random.randbytes); bytes literals and the rest of
// bytes' methods are not supported yet.
using System.Text;

namespace Lbbv.Runtime;

public sealed class BytesData(byte[] bytes)
{
    public readonly byte[] Bytes = bytes;
}

public static class BytesType
{
#pragma warning disable CS8618 // set by Register
    public static ClassObject Class;
    static ClassObject iteratorClass;
#pragma warning restore CS8618

    public static Value New(byte[] bytes) => NativeInstances.New(Class, new BytesData(bytes));

    static byte[] Of(Value v, string method) => NativeInstances.Self<BytesData>(v, Class, method).Bytes;

    static bool IsBytes(Value v) => v.Is(ObjectKind.Instance) && Types.Of(v).IsSubclassOf(Class);

    public static void Register(ModuleBuilder builtins)
    {
        Class = NativeInstances.MakeClass("builtins", "bytes");
        iteratorClass = NativeInstances.MakeClass("builtins", "bytes_iterator");
        Class.Ctor = static (in Args a) =>
        {
            a.Range(0, 3, "bytes");
            if (a.Count == 0) return New([]);
            var src = a[0];
            if (src.Is(ObjectKind.Str))
            {
                if (a.Count < 2) throw Errors.Type("string argument without an encoding");
                return New(Encode(Strs.Get(src), Strs.Get(a[1]), a.Count > 2 ? Strs.Get(a[2]) : "strict"));
            }
            if (a.Count > 1) throw Errors.Type("encoding without a string argument");
            if (IsBytes(src)) return src;
            if (src.IsInt || src.IsBool)
            {
                if (src.Payload < 0) throw Errors.ValueErr("negative count");
                return New(new byte[src.Payload]);
            }
            if (src.IsFloat || src.IsNone) throw Errors.Type($"cannot convert '{Types.NameOf(src)}' object to bytes");
            var items = Protocols.ToList(src);
            var bytes = new byte[items.Count];
            for (int i = 0; i < bytes.Length; i++)
            {
                if (!Ints.IsIntLike(items[i]))
                    throw Errors.Type($"'{Types.NameOf(items[i])}' object cannot be interpreted as an integer");
                long b = Ints.ToLong(items[i]);
                if (b < 0 || b > 255) throw Errors.ValueErr("bytes must be in range(0, 256)");
                bytes[i] = (byte)b;
            }
            return New(bytes);
        };
        var t = new TypeBuilder(Class);
        t.Method("__repr__", static (in Args a) => Strs.New(Repr(Of(a[0], "__repr__"))));
        t.Method("__str__", static (in Args a) => Strs.New(Repr(Of(a[0], "__str__"))));
        t.Method("__len__", static (in Args a) => Value.Int(Of(a[0], "__len__").Length));
        t.Method("__hash__", static (in Args a) => Value.Int(Protocols.Hash(Strs.New(Latin1(Of(a[0], "__hash__"))))));
        t.Method("__getitem__", static (in Args a) =>
        {
            var b = Of(a[0], "__getitem__");
            if (a[1].Is(ObjectKind.Slice))
            {
                var (start, _, step, length) = Items.SliceIndices(Slices.Get(a[1]), b.Length);
                var r = new byte[length];
                for (long k = 0; k < length; k++) r[k] = b[start + k * step];
                return New(r);
            }
            if (!Ints.IsIntLike(a[1]))
                throw Errors.Type($"byte indices must be integers or slices, not {Types.NameOf(a[1])}");
            long i = Ints.ToLong(a[1]);
            if (i < 0) i += b.Length;
            if (i < 0 || i >= b.Length) throw Errors.Index("index out of range");
            return Value.Int(b[i]);
        });
        t.Method("__iter__", static (in Args a) => Iterators.New(new BytesIterator(a[0], Of(a[0], "__iter__"))));
        t.Method("__contains__", static (in Args a) =>
        {
            var b = Of(a[0], "__contains__");
            if (IsBytes(a[1])) return Value.Bool(Find(b, Of(a[1], "__contains__")) >= 0);
            if (!Ints.IsIntLike(a[1]))
                throw Errors.Type($"a bytes-like object is required, not '{Types.NameOf(a[1])}'");
            long v = Ints.ToLong(a[1]);
            if (v < 0 || v > 255) throw Errors.ValueErr("byte must be in range(0, 256)");
            return Value.Bool(Array.IndexOf(b, (byte)v) >= 0);
        });
        t.Method("__add__", static (in Args a) =>
        {
            if (!IsBytes(a[1])) throw Errors.Type($"can't concat {Types.NameOf(a[1])} to bytes");
            return New([.. Of(a[0], "__add__"), .. Of(a[1], "__add__")]);
        });
        t.Method("__mul__", static (in Args a) => Repeat(a[0], a[1]));
        t.Method("__rmul__", static (in Args a) => Repeat(a[0], a[1]));
        string[] ops = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
        for (int op = 0; op < ops.Length; op++)
        {
            int kind = op;
            t.Method(ops[op], (in Args a) =>
            {
                if (!IsBytes(a[1])) return Types.NotImplemented;
                int c = Of(a[0], ops[kind]).AsSpan().SequenceCompareTo(Of(a[1], ops[kind]));
                return Value.Bool(kind switch
                {
                    0 => c == 0, 1 => c != 0, 2 => c < 0, 3 => c <= 0, 4 => c > 0, _ => c >= 0,
                });
            });
        }
        t.Method("decode", static (in Args a) =>
        {
            if (a.Count > 3) throw Errors.Type($"decode() takes at most 2 arguments ({a.Count - 1} given)");
            a.AllowKw("decode", "encoding", "errors");
            var b = Of(a[0], "decode");
            var encoding = a.Count > 1 ? a[1] : a.Kw("encoding");
            return Strs.New(Decode(b, encoding.IsEmpty ? "utf-8" : Strs.Get(encoding)));
        });
        t.Method("hex", static (in Args a) => Strs.New(Convert.ToHexString(Of(a[0], "hex")).ToLowerInvariant()));
        t.Method("count", static (in Args a) =>
        {
            a.Exactly(2, "count");
            var b = Of(a[0], "count");
            var sub = Needle(a[1]);
            if (sub.Length == 0) return Value.Int(b.Length + 1);
            int n = 0;
            for (int i = 0; i + sub.Length <= b.Length;)
            {
                if (b.AsSpan(i, sub.Length).SequenceEqual(sub)) { n++; i += sub.Length; } else i++;
            }
            return Value.Int(n);
        });
        t.Method("find", static (in Args a) =>
        {
            a.Exactly(2, "find");
            return Value.Int(Find(Of(a[0], "find"), Needle(a[1])));
        });
        t.Method("startswith", static (in Args a) =>
        {
            a.Exactly(2, "startswith");
            return Value.Bool(Of(a[0], "startswith").AsSpan().StartsWith(Needle(a[1])));
        });
        t.Method("endswith", static (in Args a) =>
        {
            a.Exactly(2, "endswith");
            return Value.Bool(Of(a[0], "endswith").AsSpan().EndsWith(Needle(a[1])));
        });
        Class.Dict["fromhex"] = Obj.New(ObjectKind.ClassMethod, new ClassMethodObject(
            Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject("fromhex", static (in Args a) =>
            {
                a.Exactly(2, "fromhex");
                string hex = Strs.Get(a[1]).Replace(" ", "");
                try { return New(Convert.FromHexString(hex)); }
                catch (FormatException) { throw Errors.ValueErr("non-hexadecimal number found in fromhex() arg"); }
            }, Class))));
        builtins.Value("bytes", Class.Self);
    }

    static byte[] Needle(Value v)
    {
        if (IsBytes(v)) return Of(v, "find");
        if (Ints.IsIntLike(v)) return [(byte)Ints.ToLong(v)];
        throw Errors.Type($"argument should be integer or bytes-like object, not '{Types.NameOf(v)}'");
    }

    static int Find(byte[] b, byte[] sub) => b.AsSpan().IndexOf(sub);

    static Value Repeat(Value self, Value times)
    {
        if (!Ints.IsIntLike(times)) return Types.NotImplemented;
        var b = Of(self, "__mul__");
        long n = Math.Max(0, Ints.ToLong(times));
        var r = new byte[b.Length * n];
        for (long i = 0; i < n; i++) b.CopyTo(r, i * b.Length);
        return New(r);
    }

    static string Latin1(byte[] b) => Encoding.Latin1.GetString(b);

    /// <summary>CPython's bytes repr: b'...' (b"..." when it has ' and no "), \t \n \r \\ and \xNN escapes.</summary>
    public static string Repr(byte[] b)
    {
        char quote = Array.IndexOf(b, (byte)'\'') >= 0 && Array.IndexOf(b, (byte)'"') < 0 ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        foreach (var c in b)
        {
            switch (c)
            {
                case (byte)'\t': sb.Append("\\t"); break;
                case (byte)'\n': sb.Append("\\n"); break;
                case (byte)'\r': sb.Append("\\r"); break;
                case (byte)'\\': sb.Append("\\\\"); break;
                default:
                    if (c == quote) sb.Append('\\').Append((char)c);
                    else if (c < 32 || c >= 127) sb.Append("\\x").Append(c.ToString("x2"));
                    else sb.Append((char)c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    static string Normalize(string encoding) => encoding.ToLowerInvariant().Replace('_', '-') switch
    {
        "utf-8" or "utf8" => "utf-8",
        "ascii" or "us-ascii" => "ascii",
        "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" => "latin-1",
        _ => throw Errors.New(Types.LookupError, $"unknown encoding: {encoding}"),
    };

    /// <summary>str.encode / bytes(str, encoding), strict errors only.</summary>
    public static byte[] Encode(string s, string encoding, string errors = "strict")
    {
        string enc = Normalize(encoding);
        if (enc == "utf-8") return new UTF8Encoding(false, true).GetBytes(s);
        int limit = enc == "ascii" ? 128 : 256;
        var bytes = new byte[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] >= limit)
                throw Errors.New(Types.UnicodeEncodeError, $"'{(enc == "ascii" ? "ascii" : "latin-1")}' codec can't "
                    + $"encode character '\\x{(int)s[i]:x2}' in position {i}: ordinal not in range({limit})");
            bytes[i] = (byte)s[i];
        }
        return bytes;
    }

    static string Decode(byte[] b, string encoding)
    {
        string enc = Normalize(encoding);
        if (enc == "latin-1") return Latin1(b);
        if (enc == "ascii")
        {
            int bad = Array.FindIndex(b, x => x >= 128);
            if (bad >= 0)
                throw Errors.New(Types.UnicodeDecodeError, $"'ascii' codec can't decode byte 0x{b[bad]:x2} in "
                    + $"position {bad}: ordinal not in range(128)");
            return Latin1(b);
        }
        try { return new UTF8Encoding(false, true).GetString(b); }
        catch (DecoderFallbackException e)
        {
            int position = e.Index < 0 ? 0 : e.Index;
            throw Errors.New(Types.UnicodeDecodeError,
                $"'utf-8' codec can't decode byte 0x{b[position]:x2} in position {position}: invalid start byte");
        }
    }

    sealed class BytesIterator(Value owner, byte[] bytes) : IteratorObject
    {
        int i;
        public override ClassObject Type => iteratorClass;
        public override Value Next() => i < bytes.Length ? Value.Int(bytes[i++]) : Value.Empty;
        public override void Trace() => Gc.Mark(owner);
    }
}
