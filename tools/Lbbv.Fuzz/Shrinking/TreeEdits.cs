using System.Collections.Immutable;
using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Shrinking;

/// <summary>The structural reductions of a program, each a smaller program, biggest first:
/// removing runs of statements from every block (halves, quarters, ... single statements),
/// replacing a compound statement by one of its bodies, dropping an optional clause (else, elif,
/// one except), replacing an expression by one of its sub-expressions, and making integer
/// literals (loop counts among them) smaller.</summary>
public static class TreeEdits
{
    public delegate PyProgram Rebuild<T>(T replacement);

    public static IEnumerable<PyProgram> All(PyProgram program) =>
        StatementRemovals(program).Concat(Inlinings(program)).Concat(ClauseRemovals(program))
            .Concat(ExpressionSimplifications(program));

    /// <summary>Every block of the program, outermost first, with the function that rebuilds the
    /// program around a replacement for it.</summary>
    public static IEnumerable<(ImmutableArray<Stmt> Block, Rebuild<ImmutableArray<Stmt>> Rebuild)> Blocks(
        PyProgram program) => BlocksIn(program.Body, body => new PyProgram(body));

    static IEnumerable<(ImmutableArray<Stmt>, Rebuild<ImmutableArray<Stmt>>)> BlocksIn(
        ImmutableArray<Stmt> block, Rebuild<ImmutableArray<Stmt>> rebuild)
    {
        yield return (block, rebuild);
        for (int i = 0; i < block.Length; i++)
        {
            if (block[i] is not Compound compound) continue;
            for (int j = 0; j < compound.Clauses.Length; j++)
            {
                int at = i, clauseAt = j;
                var clause = compound.Clauses[j];
                Rebuild<ImmutableArray<Stmt>> inner = body => rebuild(block.SetItem(at,
                    compound with { Clauses = compound.Clauses.SetItem(clauseAt, clause with { Body = body }) }));
                foreach (var nested in BlocksIn(clause.Body, inner)) yield return nested;
            }
        }
    }

    public static IEnumerable<PyProgram> StatementRemovals(PyProgram program)
    {
        foreach (var (block, rebuild) in Blocks(program))
            for (int size = Math.Max(1, block.Length / 2); size >= 1; size /= 2)
            {
                for (int start = 0; start + size <= block.Length; start += size)
                    yield return rebuild(block.RemoveRange(start, size));
                if (size == 1) break;
            }
    }

    public static IEnumerable<PyProgram> Inlinings(PyProgram program)
    {
        foreach (var (block, rebuild) in Blocks(program))
            for (int i = 0; i < block.Length; i++)
                if (block[i] is Compound compound)
                    foreach (var clause in compound.Clauses)
                        yield return rebuild(block.RemoveAt(i).InsertRange(i, clause.Body));
    }

    public static IEnumerable<PyProgram> ClauseRemovals(PyProgram program)
    {
        foreach (var (block, rebuild) in Blocks(program))
            for (int i = 0; i < block.Length; i++)
                if (block[i] is Compound compound)
                    for (int j = 0; j < compound.Clauses.Length; j++)
                        if (compound.Clauses[j].Optional)
                            yield return rebuild(block.SetItem(i,
                                compound with { Clauses = compound.Clauses.RemoveAt(j) }));
    }

    /// <summary>Every expression of every statement, with the function that rebuilds the program
    /// around a replacement for it.</summary>
    public static IEnumerable<(Expr Expr, Rebuild<Expr> Rebuild)> Expressions(PyProgram program)
    {
        foreach (var (block, rebuild) in Blocks(program))
            for (int i = 0; i < block.Length; i++)
            {
                int at = i;
                if (block[i] is Line line)
                    for (int k = 0; k < line.Kids.Length; k++)
                    {
                        int kid = k;
                        foreach (var e in ExpressionsIn(line.Kids[k],
                            x => rebuild(block.SetItem(at, line with { Kids = line.Kids.SetItem(kid, x) }))))
                            yield return e;
                    }
                else if (block[i] is Compound compound)
                    for (int j = 0; j < compound.Clauses.Length; j++)
                    {
                        var clause = compound.Clauses[j];
                        for (int k = 0; k < clause.Kids.Length; k++)
                        {
                            int clauseAt = j, kid = k;
                            foreach (var e in ExpressionsIn(clause.Kids[k], x => rebuild(block.SetItem(at, compound with
                            {
                                Clauses = compound.Clauses.SetItem(clauseAt,
                                    clause with { Kids = clause.Kids.SetItem(kid, x) }),
                            }))))
                                yield return e;
                        }
                    }
            }
    }

    static IEnumerable<(Expr, Rebuild<Expr>)> ExpressionsIn(Expr expr, Rebuild<Expr> rebuild)
    {
        yield return (expr, rebuild);
        for (int k = 0; k < expr.Kids.Length; k++)
        {
            int kid = k;
            foreach (var e in ExpressionsIn(expr.Kids[k], x => rebuild(expr with { Kids = expr.Kids.SetItem(kid, x) })))
                yield return e;
        }
    }

    public static IEnumerable<PyProgram> ExpressionSimplifications(PyProgram program)
    {
        foreach (var (expr, rebuild) in Expressions(program))
        {
            foreach (var kid in expr.Kids.Distinct())
                yield return rebuild(kid);
            if (!expr.IsLeaf && expr.Size > 2)
                yield return rebuild(Expr.Leaf("0"));
            if (expr.TryGetInt(out long value) && value is > 1 or < -1)
                foreach (long smaller in new[] { 0, 1, value / 2, value - Math.Sign(value) }.Distinct())
                    yield return rebuild(Expr.Leaf(smaller < 0 ? $"({smaller})" : smaller.ToString()));
        }
    }

    /// <summary>The readable form of a repro: each `_mix(X)` (a checksum update) becomes a
    /// `print(_r(X))` of the value itself.</summary>
    public static PyProgram PrintInsteadOfMix(PyProgram program) => new([.. program.Body.Select(PrintInsteadOfMix)]);

    static Stmt PrintInsteadOfMix(Stmt stmt) => stmt switch
    {
        Line { Template: var t } line when t.StartsWith("_mix(", StringComparison.Ordinal) && t.EndsWith(')') =>
            line with { Template = "print(_r(" + t["_mix(".Length..^1] + "))" },
        Compound compound => compound with
        {
            Clauses = [.. compound.Clauses.Select(c => c with { Body = [.. c.Body.Select(PrintInsteadOfMix)] })],
        },
        _ => stmt,
    };
}
