using System.Globalization;
using System.Numerics;
using System.Text;

namespace Lbbv.Support;

/// <summary>The str % operator (CPython 3.11 PyUnicode_Format).</summary>
public static class PercentFormat
{
    [Flags]
    private enum F { None = 0, LJust = 1, Sign = 2, Blank = 4, Alt = 8, Zero = 16 }

    /// <summary>format % args with %s %r %a %d %i %u %x %X %o %e %E %f %F %g %G %c %%, flags
    /// "-+ #0", width/precision incl. '*', and %(key)s. Errors are CPython's TypeError/ValueError.</summary>
    public static string Format(string format, IPercentArgs args)
    {
        var sb = new StringBuilder(format.Length + 16);
        // After a %(key), CPython replaces the argument source by the looked-up value for good:
        // it feeds '*' or the conversion once, and later positional conversions find nothing.
        var src = new ArgSource(args.Count);
        int pos = 0, n = format.Length;
        while (pos < n)
        {
            int pct = format.IndexOf('%', pos);
            if (pct < 0) { sb.Append(format, pos, n - pos); break; }
            sb.Append(format, pos, pct - pos);
            pos = pct + 1;
            if (pos < n && format[pos] == '%') { sb.Append('%'); pos++; continue; }

            if (pos < n && format[pos] == '(')
            {
                if (!args.IsMapping) throw PyError.Type("format requires a mapping");
                int depth = 1, keyStart = ++pos;
                while (pos < n && depth > 0)
                {
                    if (format[pos] == ')') depth--;
                    else if (format[pos] == '(') depth++;
                    pos++;
                }
                if (depth > 0) throw PyError.Value("incomplete format key");
                src.UseKey(args.GetItem(format.Substring(keyStart, pos - 1 - keyStart)));
            }
            F flags = F.None;
            for (; pos < n; pos++)
            {
                char c = format[pos];
                if (c == '-') flags |= F.LJust;
                else if (c == '+') flags |= F.Sign;
                else if (c == ' ') flags |= F.Blank;
                else if (c == '#') flags |= F.Alt;
                else if (c == '0') flags |= F.Zero;
                else break;
            }
            int width = -1, prec = -1;
            if (pos < n && format[pos] == '*')
            {
                pos++;
                int h = src.Next();
                if (!args.TryGetInteger(h, out BigInteger w)) throw PyError.Type("* wants int");
                if (w < long.MinValue || w > long.MaxValue) throw PyError.Overflow("Python int too large to convert to C ssize_t");
                if (w < int.MinValue + 1 || w > int.MaxValue) throw PyError.Value("width too big");
                width = (int)w;
                if (width < 0) { flags |= F.LJust; width = -width; }
            }
            else width = ReadNumber(format, ref pos, "width too big");
            if (pos < n && format[pos] == '.')
            {
                pos++;
                if (pos < n && format[pos] == '*')
                {
                    pos++;
                    int h = src.Next();
                    if (!args.TryGetInteger(h, out BigInteger p)) throw PyError.Type("* wants int");
                    if (p > int.MaxValue || p < int.MinValue) throw PyError.Overflow("Python int too large to convert to C int");
                    prec = (int)p < 0 ? 0 : (int)p;
                }
                else
                {
                    prec = ReadNumber(format, ref pos, "precision too big");
                    if (prec < 0) prec = 0;
                }
            }
            if (pos >= n) throw PyError.Value("incomplete format");
            // Skip length modifiers (h, l, L) as CPython does.
            while (pos < n && (format[pos] == 'h' || format[pos] == 'l' || format[pos] == 'L')) pos++;
            if (pos >= n) throw PyError.Value("incomplete format");
            int convAt = pos;
            int conv = PyStr.Next(format, ref pos);
            int arg = src.Next();
            FormatOne(sb, args, arg, conv, flags, width, prec, format, convAt);
        }
        if (src.Unused && !args.IsMapping)
            throw PyError.Type("not all arguments converted during string formatting");
        return sb.ToString();
    }

    private struct ArgSource(int count)
    {
        private int _next;
        private int _count = count;
        private int _key = -1;

        public readonly bool Unused => _key < 0 && _next < _count;

        public void UseKey(int handle) { _key = handle; _next = 0; _count = 1; }

        public int Next()
        {
            if (_next >= _count) throw PyError.Type("not enough arguments for format string");
            return _key >= 0 ? (_next++ == 0 ? _key : -1) : _next++;
        }
    }

    private static int ReadNumber(string s, ref int pos, string tooBig)
    {
        if (pos >= s.Length || (uint)(s[pos] - '0') > 9) return -1;
        long v = 0;
        while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
        {
            v = v * 10 + (s[pos] - '0');
            if (v > int.MaxValue) throw PyError.Value(tooBig);
            pos++;
        }
        return (int)v;
    }

    private static void FormatOne(StringBuilder sb, IPercentArgs args, int arg, int conv, F flags, int width, int prec,
        string format, int convAt)
    {
        string text;
        bool numeric = false;
        switch (conv)
        {
            case 's': text = args.Str(arg); goto truncate;
            case 'r': text = args.Repr(arg); goto truncate;
            case 'a': text = args.Ascii(arg); goto truncate;
            truncate:
                if (prec >= 0 && PyStr.Length(text) > prec) text = PyStr.Slice(text, 0, prec);
                break;
            case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            {
                numeric = true;
                if (!args.TryGetInteger(arg, out BigInteger v))
                {
                    if (conv is 'x' or 'X' or 'o' || !args.TryGetDouble(arg, out double dv))
                    {
                        string what = conv is 'x' or 'X' or 'o' ? "an integer" : "a real number";
                        throw PyError.Type($"%{(char)conv} format: {what} is required, not {args.TypeName(arg)}");
                    }
                    v = PyInt.FromDouble(dv);
                }
                text = FormatInt(v, (char)conv, flags, prec);
                break;
            }
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            {
                numeric = true;
                if (!args.TryGetDouble(arg, out double d))
                    throw PyError.Type($"must be real number, not {args.TypeName(arg)}");
                text = FloatFormat.PercentBody(d, (char)conv, prec, (flags & F.Alt) != 0, (flags & F.Sign) != 0, (flags & F.Blank) != 0);
                break;
            }
            case 'c':
                text = FormatChar(args, arg);
                break;
            default:
            {
                char shown = conv >= 31 && conv <= 126 ? (char)conv : '?';
                int index = PyStr.IndexToCodePoint(format, convAt);
                throw PyError.Value($"unsupported format character '{shown}' (0x{conv:x}) at index {index}");
            }
        }
        int len = PyStr.Length(text);
        if (width <= len) { sb.Append(text); return; }
        int pad = width - len;
        if ((flags & F.LJust) != 0) { sb.Append(text).Append(' ', pad); return; }
        if (numeric && (flags & F.Zero) != 0)
        {
            // Zeros go after the sign and the 0x/0o prefix.
            int lead = 0;
            if (text.Length > 0 && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) lead = 1;
            if ((flags & F.Alt) != 0 && conv is 'x' or 'X' or 'o' && text.Length >= lead + 2 && text[lead] == '0')
                lead += 2;
            sb.Append(text, 0, lead).Append('0', pad).Append(text, lead, text.Length - lead);
            return;
        }
        sb.Append(' ', pad).Append(text);
    }

    private static string FormatInt(BigInteger v, char conv, F flags, int prec)
    {
        bool neg = v.Sign < 0;
        BigInteger abs = BigInteger.Abs(v);
        string digits = conv switch
        {
            'x' => PyInt.ToRadixDigits(abs, 16),
            'X' => PyInt.ToRadixDigits(abs, 16).ToUpperInvariant(),
            'o' => PyInt.ToRadixDigits(abs, 8),
            _ => abs.ToString(CultureInfo.InvariantCulture),
        };
        if (prec > digits.Length) digits = new string('0', prec - digits.Length) + digits;
        string prefix = (flags & F.Alt) != 0 ? conv switch { 'x' => "0x", 'X' => "0X", 'o' => "0o", _ => "" } : "";
        string sign = neg ? "-" : (flags & F.Sign) != 0 ? "+" : (flags & F.Blank) != 0 ? " " : "";
        return sign + prefix + digits;
    }

    private static string FormatChar(IPercentArgs args, int arg)
    {
        if (args.TryGetString(arg, out string s))
        {
            if (PyStr.Length(s) != 1) throw PyError.Type("%c requires int or char");
            return s;
        }
        if (args.TryGetInteger(arg, out BigInteger v))
        {
            if (v < 0 || v > 0x10FFFF) throw PyError.Overflow("%c arg not in range(0x110000)");
            return PyStr.FromCodePoint((int)v);
        }
        throw PyError.Type("%c requires int or char");
    }
}
