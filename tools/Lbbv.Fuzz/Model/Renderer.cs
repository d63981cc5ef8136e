using System.Text;

namespace Lbbv.Fuzz.Model;

/// <summary>Turns a program model into Python source, four spaces per indentation level; an empty
/// body becomes `pass`.</summary>
public static class Renderer
{
    public static string Render(PyProgram program)
    {
        var sb = new StringBuilder();
        WriteBlock(sb, program.Body, 0);
        return sb.ToString();
    }

    public static string Render(Expr expr)
    {
        var sb = new StringBuilder();
        Write(sb, expr);
        return sb.ToString();
    }

    static void WriteBlock(StringBuilder sb, IReadOnlyList<Stmt> body, int depth)
    {
        if (body.Count == 0)
        {
            sb.Append(' ', 4 * depth).Append("pass\n");
            return;
        }
        foreach (var stmt in body)
        {
            switch (stmt)
            {
                case Line line:
                    sb.Append(' ', 4 * depth);
                    Fill(sb, line.Template, line.Kids);
                    sb.Append('\n');
                    break;
                case Compound compound:
                    foreach (var clause in compound.Clauses)
                    {
                        sb.Append(' ', 4 * depth);
                        Fill(sb, clause.Header, clause.Kids);
                        sb.Append('\n');
                        WriteBlock(sb, clause.Body, depth + 1);
                    }
                    break;
                default:
                    throw new InvalidOperationException("unknown statement " + stmt.GetType().Name);
            }
        }
    }

    static void Write(StringBuilder sb, Expr expr)
    {
        if (expr.IsLeaf) sb.Append(expr.Template);
        else Fill(sb, expr.Template, expr.Kids);
    }

    /// <summary>One pass over the template: `{N}` (N decimal, below the number of sub-expressions) is
    /// hole N, everything else is copied, so text produced by a sub-expression is never scanned for
    /// holes again.</summary>
    static void Fill(StringBuilder sb, string template, IReadOnlyList<Expr> kids)
    {
        for (int i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && TryHole(template, i, kids.Count, out int hole, out int end))
            {
                Write(sb, kids[hole]);
                i = end;
            }
            else sb.Append(template[i]);
        }
    }

    static bool TryHole(string template, int open, int holes, out int hole, out int end)
    {
        hole = 0;
        end = open + 1;
        while (end < template.Length && char.IsAsciiDigit(template[end]) && hole < holes)
            hole = hole * 10 + template[end++] - '0';
        return end > open + 1 && end < template.Length && template[end] == '}' && hole < holes;
    }
}
