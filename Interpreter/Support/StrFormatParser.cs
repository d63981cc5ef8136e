namespace Lbbv.Support;

/// <summary>Automatic/manual field numbering state shared by a str.format template and the
/// templates nested in its format specs.</summary>
public sealed class FieldNumbering
{
    private int _state; // 0 init, 1 auto, 2 manual
    private long _next;

    internal long Resolve(bool empty, long index)
    {
        bool numeric = empty || index >= 0;
        if (_state == 0 && numeric) _state = empty ? 1 : 2;
        if (numeric)
        {
            if (_state == 2 && empty)
                throw PyError.Value("cannot switch from manual field specification to automatic field numbering");
            if (_state == 1 && !empty)
                throw PyError.Value("cannot switch from automatic field numbering to manual field specification");
        }
        return empty ? _next++ : index;
    }
}

/// <summary>One <c>.name</c> or <c>[key]</c> step of a field name. For items, Index is the key as an
/// int when it is all decimal digits, else -1 (then Name is the str key).</summary>
public readonly record struct FieldAccessor(bool IsAttribute, string Name, long Index);

/// <summary>A replacement field <c>{name!conv:spec}</c>. Index &gt;= 0 selects a positional argument
/// (auto-numbered fields are already resolved), else Name is the keyword.</summary>
public sealed class FormatField
{
    private readonly string _rest; // accessor text after the first name part

    internal FormatField(long index, string name, string rest, char conversion, string spec, bool specNeedsExpanding)
    {
        Index = index; Name = name; _rest = rest; Conversion = conversion; Spec = spec; SpecNeedsExpanding = specNeedsExpanding;
    }

    /// <summary>Positional index, or -1 for a keyword field.</summary>
    public long Index { get; }
    /// <summary>The keyword (the first name part) when Index is -1.</summary>
    public string Name { get; }
    /// <summary>'\0', 'r', 's' or 'a'; anything else: throw <see cref="StrFormatParser.UnknownConversion"/>
    /// after looking the field up (CPython's order).</summary>
    public char Conversion { get; }
    /// <summary>The format spec; when <see cref="SpecNeedsExpanding"/> it is itself a template to render
    /// with <see cref="StrFormatParser.Nested"/> before use.</summary>
    public string Spec { get; }
    /// <summary>True when the spec contains '{'.</summary>
    public bool SpecNeedsExpanding { get; }

    /// <summary>The .attr / [key] steps, parsed lazily: errors ("Empty attribute in format string",
    /// "Missing ']' in format string", "Only '.' or '[' may follow ']' ...") surface only when the
    /// enumeration reaches them, i.e. after the earlier lookups, as in CPython.</summary>
    public IEnumerable<FieldAccessor> Accessors()
    {
        string s = _rest;
        int pos = 0;
        while (pos < s.Length)
        {
            char c = s[pos++];
            int start = pos;
            if (c == '.')
            {
                while (pos < s.Length && s[pos] != '.' && s[pos] != '[') pos++;
                if (pos == start) throw PyError.Value("Empty attribute in format string");
                yield return new FieldAccessor(true, s[start..pos], -1);
            }
            else if (c == '[')
            {
                while (pos < s.Length && s[pos] != ']') pos++;
                if (pos >= s.Length) throw PyError.Value("Missing ']' in format string");
                string key = s[start..pos];
                pos++;
                if (key.Length == 0) throw PyError.Value("Empty attribute in format string");
                yield return new FieldAccessor(false, key, StrFormatParser.GetInteger(key));
            }
            else throw PyError.Value("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
}

/// <summary>
/// Lazy parser of str.format templates (CPython's MarkupIterator): call <see cref="Next"/> until it
/// returns false; each step yields literal text and possibly a field, raising CPython's errors at
/// the same point CPython would.
/// </summary>
public sealed class StrFormatParser
{
    private readonly string _s;
    private int _pos;
    private readonly FieldNumbering _numbering;

    /// <summary>A parser for a top-level template.</summary>
    public StrFormatParser(string template) : this(template, new FieldNumbering(), 2) { }

    private StrFormatParser(string template, FieldNumbering numbering, int depth)
    {
        if (depth <= 0) throw PyError.Value("Max string recursion exceeded");
        _s = template; _numbering = numbering; Depth = depth;
    }

    /// <summary>Recursion budget (CPython starts at 2).</summary>
    public int Depth { get; }

    /// <summary>A parser for a field's spec template, sharing numbering; "Max string recursion exceeded".</summary>
    public StrFormatParser Nested(string specTemplate) => new(specTemplate, _numbering, Depth - 1);

    /// <summary>The next piece: literal text (maybe empty) and a field or null. False at the end.</summary>
    public bool Next(out string literal, out FormatField? field)
    {
        literal = "";
        field = null;
        string s = _s;
        int end = s.Length;
        if (_pos >= end) return false;
        int start = _pos;
        char c = '\0';
        bool markup = false;
        int i = s.AsSpan(_pos).IndexOfAny('{', '}');
        if (i < 0) _pos = end; else { _pos += i; c = s[_pos++]; markup = true; }
        bool atEnd = _pos >= end;
        int len = _pos - start;
        if (c == '}' && (atEnd || s[_pos] != '}')) throw PyError.Value("Single '}' encountered in format string");
        if (atEnd && c == '{') throw PyError.Value("Single '{' encountered in format string");
        if (!atEnd && markup)
        {
            if (s[_pos] == c) { _pos++; markup = false; }
            else len--;
        }
        literal = s.Substring(start, len);
        if (!markup) return true;
        field = ParseField();
        return true;
    }

    private FormatField ParseField()
    {
        string s = _s;
        int end = s.Length;
        int nameStart = _pos;
        char c = '\0';
        while (_pos < end)
        {
            c = s[_pos++];
            if (c == '{') throw PyError.Value("unexpected '{' in field name");
            if (c == '[')
            {
                while (_pos < end && s[_pos] != ']') _pos++;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') break;
        }
        string name = s.Substring(nameStart, Math.Max(0, _pos - 1 - nameStart));
        char conversion = '\0';
        string spec = "";
        bool expand = false;
        if (c == '!' || c == ':')
        {
            bool done = false;
            if (c == '!')
            {
                if (_pos >= end) throw PyError.Value("end of string while looking for conversion specifier");
                conversion = s[_pos++];
                if (_pos < end)
                {
                    char d = s[_pos++];
                    if (d == '}') done = true;
                    else if (d != ':') throw PyError.Value("expected ':' after conversion specifier");
                }
            }
            if (!done)
            {
                int specStart = _pos, count = 1;
                bool closed = false;
                while (_pos < end)
                {
                    char d = s[_pos++];
                    if (d == '{') { expand = true; count++; }
                    else if (d == '}' && --count == 0) { spec = s.Substring(specStart, _pos - 1 - specStart); closed = true; break; }
                }
                if (!closed) throw PyError.Value("unmatched '{' in format spec");
            }
        }
        else if (c != '}') throw PyError.Value("expected '}' before end of string");

        // field_name_split: the first part runs to the first '.' or '['.
        int cut = name.AsSpan().IndexOfAny('.', '[');
        string first = cut < 0 ? name : name[..cut];
        string rest = cut < 0 ? "" : name[cut..];
        long idx = GetInteger(first);
        long index = _numbering.Resolve(first.Length == 0, idx);
        return new FormatField(index, first, rest, conversion, spec, expand);
    }

    /// <summary>The value of an all-decimal-digit string (Unicode digits allowed), else -1;
    /// ValueError "Too many decimal digits in format string".</summary>
    internal static long GetInteger(string s)
    {
        if (s.Length == 0) return -1;
        long v = 0;
        foreach (char ch in s)
        {
            int d = UnicodeData.DecimalValue(ch);
            if (d < 0) return -1;
            if (v > (long.MaxValue - d) / 10) throw PyError.Value("Too many decimal digits in format string");
            v = v * 10 + d;
        }
        return v;
    }

    /// <summary>The error for a conversion other than r/s/a: "Unknown conversion specifier x".</summary>
    public static PyError UnknownConversion(char conversion) =>
        conversion > 32 && conversion < 127
            ? PyError.Value($"Unknown conversion specifier {conversion}")
            : PyError.Value($"Unknown conversion specifier \\x{(int)conversion:x}");
}
