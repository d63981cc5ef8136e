namespace Lbbv.Support;

/// <summary>
/// A parsed format-spec mini-language string:
/// <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>.
/// <see cref="Type"/> is already the per-type default ('d' for int, 's' for str, '\0' for float)
/// when the spec names none, as in CPython's parser.
/// </summary>
public readonly record struct FormatSpec(
    char Fill,          // fill character (' ' unless given, or '0' when zero-padding was requested)
    char Align,         // '<' '>' '^' '=' or '\0' when not given
    char Sign,          // '+' '-' ' ' or '\0'
    bool NoNegZero,     // 'z'
    bool Alternate,     // '#'
    bool FillSpecified, // an explicit fill or the '0' flag was given
    int Width,          // -1 when absent
    char Grouping,      // ',' '_' or '\0'
    int Precision,      // -1 when absent
    char Type)
{
    /// <summary>Parses <paramref name="spec"/> for an object of Python type <paramref name="typeName"/>
    /// ("int", "float", "str") whose default presentation type is <paramref name="defaultType"/>.
    /// Errors are CPython's ValueErrors ("Invalid format specifier '...' for object of type 'int'" ...).
    /// The '0' flag sets fill '0' and, for numbers (default align right), align '='.</summary>
    public static FormatSpec Parse(string spec, string typeName, char defaultType)
    {
        bool numeric = defaultType != 's';
        int pos = 0, end = spec.Length;
        char fill = ' ', align = '\0', sign = '\0', grouping = '\0', type = defaultType;
        bool fillSpecified = false, noNegZero = false, alternate = false;
        int width = -1, precision = -1;

        if (end - pos >= 2 && IsAlign(spec[pos + 1]))
        {
            fill = spec[pos]; align = spec[pos + 1]; fillSpecified = true; pos += 2;
        }
        else if (end - pos >= 1 && IsAlign(spec[pos]))
        {
            align = spec[pos]; pos++;
        }
        if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) sign = spec[pos++];
        if (pos < end && spec[pos] == 'z') { noNegZero = true; pos++; }
        if (pos < end && spec[pos] == '#') { alternate = true; pos++; }
        if (pos < end && spec[pos] == '0' && !fillSpecified)
        {
            fill = '0'; fillSpecified = true;
            if (align == '\0' && numeric) align = '=';
            pos++;
        }
        width = ParseNumber(spec, ref pos);
        if (pos < end && spec[pos] == ',') { grouping = ','; pos++; }
        if (pos < end && spec[pos] == '_')
        {
            if (grouping != '\0') throw PyError.Value("Cannot specify both ',' and '_'.");
            grouping = '_'; pos++;
        }
        if (pos < end && spec[pos] == ',')
        {
            if (grouping == '_') throw PyError.Value("Cannot specify both ',' and '_'.");
            throw PyError.Value("Cannot specify ',' with ','.");
        }
        if (pos < end && spec[pos] == '.')
        {
            pos++;
            precision = ParseNumber(spec, ref pos);
            if (precision == -1) throw PyError.Value("Format specifier missing precision");
        }
        if (end - pos > 1)
            throw PyError.Value($"Invalid format specifier '{spec}' for object of type '{typeName}'");
        if (end - pos == 1) type = spec[pos];

        if (grouping != '\0')
        {
            switch (type)
            {
                case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
                    break;
                case 'b': case 'o': case 'x': case 'X':
                    if (grouping == '_') break;
                    goto default;
                default:
                    throw PyError.Value($"Cannot specify '{grouping}' with {TypeCharRepr(type)}.");
            }
        }
        return new FormatSpec(fill, align, sign, noNegZero, alternate, fillSpecified, width, grouping, precision, type);
    }

    /// <summary>Parses an int spec (default type 'd').</summary>
    public static FormatSpec ParseForInt(string spec) => Parse(spec, "int", 'd');
    /// <summary>Parses a float spec (default type '\0', i.e. str()-like).</summary>
    public static FormatSpec ParseForFloat(string spec) => Parse(spec, "float", '\0');
    /// <summary>Parses a str spec (default type 's').</summary>
    public static FormatSpec ParseForStr(string spec) => Parse(spec, "str", 's');

    private static bool IsAlign(char c) => c == '<' || c == '>' || c == '=' || c == '^';

    private static int ParseNumber(string s, ref int pos)
    {
        int start = pos;
        long value = 0;
        while (pos < s.Length && s[pos] >= '0' && s[pos] <= '9')
        {
            value = value * 10 + (s[pos] - '0');
            if (value > int.MaxValue / 2) throw PyError.Value("Too many decimal digits in format string");
            pos++;
        }
        return pos == start ? -1 : (int)value;
    }

    /// <summary>CPython quotes a type char as '%c' when it is printable ASCII, else '\x%x'.</summary>
    internal static string TypeCharRepr(char c) =>
        c > 32 && c < 127 ? $"'{c}'" : $"'\\x{(int)c:x}'";

    internal static PyError UnknownCode(char type, string typeName) =>
        PyError.Value($"Unknown format code {TypeCharRepr(type)} for object of type '{typeName}'");
}
