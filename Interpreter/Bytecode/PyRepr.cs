using System.Globalization;
using System.Numerics;
using System.Text;

namespace Lbbv.Bytecode;

/// <summary>Python-style repr of code-object constants, for the disassembler.</summary>
internal static class PyRepr
{
    public static string Of(object? c) => c switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        string s => Str(s),
        object?[] t => t.Length == 1 ? "(" + Of(t[0]) + ",)" : "(" + string.Join(", ", t.Select(Of)) + ")",
        CodeObject code => code.ToString(),
        Lbbv.Syntax.Ellipsis => "Ellipsis",
        _ => c.ToString() ?? "?",
    };

    public static string Float(double d) => Lbbv.Support.FloatFormat.Repr(d);

    public static string Str(string s)
    {
        char q = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(q);
        foreach (char ch in s)
        {
            switch (ch)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (ch == q) sb.Append('\\').Append(ch);
                    else if (ch < 0x20 || ch == 0x7f) sb.Append("\\x").Append(((int)ch).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(ch);
                    break;
            }
        }
        return sb.Append(q).ToString();
    }
}
