// format(), f-string FormatValue, str % args and str.format, over Lbbv.Support's formatters.
using System.Numerics;
using System.Text;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class Formatting
{
    public static Value FormatValue(Value v, int conversion, Value spec)
    {
        if (conversion == 1) v = Strs.New(Repr.Str(v));
        else if (conversion == 2) v = Strs.New(Repr.Of(v));
        else if (conversion == 3) v = Strs.New(AsciiRepr.Of(v));
        string s = spec.IsEmpty ? "" : Strs.Get(spec);
        if (s.Length == 0 && v.Is(ObjectKind.Str)) return v;
        return Strs.New(Format(v, s));
    }

    /// <summary>format(v, spec).</summary>
    public static string Format(Value v, string spec)
    {
        switch (v.Tag)
        {
            case Tag.Int: return spec.Length == 0 ? Repr.Of(v) : IntFormat.Format(v.Payload, FormatSpec.ParseForInt(spec));
            case Tag.Bool:
                if (spec.Length == 0) return Repr.Of(v);
                return IntFormat.Format(v.Payload, FormatSpec.ParseForInt(spec));
            case Tag.Float: return spec.Length == 0 ? Repr.Of(v) : FloatFormat.Format(v.AsFloat, FormatSpec.ParseForFloat(spec));
        }
        if (v.IsObject)
        {
            switch (v.Kind)
            {
                case ObjectKind.BigInt: return spec.Length == 0 ? Repr.Of(v) : IntFormat.Format(Ints.ToBig(v), FormatSpec.ParseForInt(spec));
                case ObjectKind.Str: return spec.Length == 0 ? Strs.Get(v) : StrFormat.Format(Strs.Get(v), FormatSpec.ParseForStr(spec));
                case ObjectKind.Instance:
                case ObjectKind.Exception:
                    {
                        var m = Types.Of(v).Lookup("__format__");
                        if (!m.IsEmpty)
                        {
                            var r = Calls.CallMethod(m, v, Strs.New(spec));
                            if (!r.Is(ObjectKind.Str)) throw Errors.Type($"__format__ must return a str, not {Types.NameOf(r)}");
                            return Strs.Get(r);
                        }
                        break;
                    }
            }
        }
        if (v.IsNone && spec.Length == 0) return "None";
        if (spec.Length != 0)
            throw Errors.Type($"unsupported format string passed to {Types.NameOf(v)}.__format__");
        return Repr.Str(v);
    }

    public static string Percent(string fmt, Value args)
    {
        // A tuple subclass (a namedtuple) supplies its items, as a tuple does.
        if (BuiltinSubclasses.TryUnwrap(args, out var inner) && inner.Is(ObjectKind.Tuple)) args = inner;
        try { return PercentFormat.Format(fmt, new PercentArgs(args)); }
        catch (PyError e) { throw Errors.From(e); }
    }

    sealed class PercentArgs : IPercentArgs
    {
        readonly List<Value> handles = new();
        readonly Value mapping;
        public PercentArgs(Value args)
        {
            if (args.Is(ObjectKind.Tuple)) { foreach (var v in Tuples.Span(args)) handles.Add(v); Count = handles.Count; }
            else
            {
                handles.Add(args);
                Count = 1;
                if (args.Is(ObjectKind.Dict) || (Arith.IsUser(args) && !Types.Of(args).Lookup("__getitem__").IsEmpty))
                { IsMapping = true; mapping = args; }
            }
        }
        public int Count { get; }
        public bool IsMapping { get; }
        public int GetItem(string key)
        {
            handles.Add(Items.Get(mapping, Strs.New(key)));
            return handles.Count - 1;
        }
        public string Str(int h) => Runtime.Repr.Str(handles[h]);
        public string Repr(int h) => Runtime.Repr.Of(handles[h]);
        public string Ascii(int h) => AsciiRepr.Of(handles[h]);
        public string TypeName(int h) => Types.NameOf(handles[h]);
        public bool TryGetInteger(int h, out BigInteger value)
        {
            var v = BuiltinSubclasses.Unwrap(handles[h]); // an int subclass (IntEnum) formats as its value
            if (Ints.IsIntLike(v)) { value = Ints.ToBig(v); return true; }
            value = default;
            return false;
        }
        public bool TryGetDouble(int h, out double value)
        {
            var v = BuiltinSubclasses.Unwrap(handles[h]);
            if (Ints.IsNumber(v)) { value = Ints.ToDouble(v); return true; }
            value = 0;
            return false;
        }
        public bool TryGetString(int h, out string value)
        {
            var v = handles[h];
            if (v.Is(ObjectKind.Str)) { value = Strs.Get(v); return true; }
            value = "";
            return false;
        }
    }

    /// <summary>str.format(*args, **kwargs).</summary>
    public static string StrFormat_(string template, ReadOnlySpan<Value> args, Func<string, Value> kw)
        => Render(new StrFormatParser(template), args.ToArray(), kw);

    static string Render(StrFormatParser p, Value[] args, Func<string, Value> kw)
    {
        var sb = new StringBuilder();
        try
        {
            while (p.Next(out var literal, out var field))
            {
                sb.Append(literal);
                if (field == null) continue;
                Value v;
                if (field.Index >= 0)
                {
                    if (field.Index >= args.Length)
                        throw Errors.Index($"Replacement index {field.Index} out of range for positional args tuple");
                    v = args[field.Index];
                }
                else
                {
                    v = kw(field.Name);
                    if (v.IsEmpty) throw Errors.Key(Strs.New(field.Name));
                }
                foreach (var acc in field.Accessors())
                {
                    if (acc.IsAttribute) v = Attributes.Get(v, acc.Name);
                    else v = Items.Get(v, acc.Index >= 0 ? Value.Int(acc.Index) : Strs.New(acc.Name));
                }
                switch (field.Conversion)
                {
                    case '\0': break;
                    case 'r': v = Strs.New(Repr.Of(v)); break;
                    case 's': v = Strs.New(Repr.Str(v)); break;
                    case 'a': v = Strs.New(AsciiRepr.Of(v)); break;
                    default: throw StrFormatParser.UnknownConversion(field.Conversion);
                }
                string spec = field.SpecNeedsExpanding ? Render(p.Nested(field.Spec), args, kw) : field.Spec;
                sb.Append(Format(v, spec));
            }
        }
        catch (PyError e) { throw Errors.From(e); }
        return sb.ToString();
    }
}
