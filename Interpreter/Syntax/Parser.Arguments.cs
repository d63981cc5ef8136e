namespace Lbbv.Syntax;

/// <summary>Call arguments and formal parameter lists (def and lambda).</summary>
public sealed partial class Parser
{
    /// <summary>After `(`: positional, `*a`, `name=v`, `**k` arguments, or one bare generator expression.</summary>
    private Call ParseCallArguments(Expr func, Pos start)
    {
        var args = new List<Expr>();
        var keywords = new List<Keyword>();
        bool sawKeyword = false, sawKwUnpack = false;
        GeneratorExp? bareGenerator = null;
        int count = 0;
        while (!AtOp(")"))
        {
            ref readonly var t = ref Cur;
            count++;
            if (t.IsOp("*"))
            {
                Next();
                var v = ParseExpression();
                if (sawKwUnpack) throw Error("iterable argument unpacking follows keyword argument unpacking", t.Pos);
                args.Add(new Starred(t.Pos, v, ExprContext.Load));
            }
            else if (t.IsOp("**"))
            {
                Next();
                keywords.Add(new Keyword(t.Pos, null, ParseExpression()));
                sawKwUnpack = true;
            }
            else if (t.Kind == TokenKind.Name && PeekTok().IsOp("="))
            {
                if (t.Text is "True" or "False" or "None") throw Error($"cannot assign to {t.Text}", t.Pos);
                if (t.IsKw) throw Unexpected();
                Next();
                Next();
                keywords.Add(new Keyword(t.Pos, t.Text, ParseExpression()));
                sawKeyword = true;
            }
            else
            {
                int argIdx = _p;
                var v = ParseNamedExpression(checkEquals: false);
                if (AtKw("for") || AtKw("async"))
                {
                    var gens = ParseComprehensionClauses(argIdx, "generator expression");
                    // CPython 3.11 places a bare generator argument at the call's parenthesis.
                    bareGenerator = new GeneratorExp(_t[argIdx - 1].Pos, v, gens);
                    v = bareGenerator;
                    if (count > 1) throw Error("Generator expression must be parenthesized", _t[argIdx].Pos);
                }
                else if (AtOp("="))
                    throw Error("expression cannot contain assignment, perhaps you meant \"==\"?", _t[argIdx].Pos);
                if (sawKwUnpack) throw Error("positional argument follows keyword argument unpacking", Cur.Pos);
                if (sawKeyword) throw Error("positional argument follows keyword argument", Cur.Pos);
                args.Add(v);
            }
            if (!EatOp(","))
            {
                if (!AtOp(")")) throw Unexpected();
                break;
            }
            if (bareGenerator != null && !AtOp(")"))
                throw Error("Generator expression must be parenthesized", bareGenerator.Elt.Pos);
        }
        Next();
        return new Call(start, func, args, keywords);
    }

    /// <summary>A parameter list up to `close` (`)` for def, `:` for lambda).</summary>
    private Arguments ParseParameters(string close, bool annotations)
    {
        var args = new List<Arg>();
        List<Arg> posOnly = [];
        var defaults = new List<Expr>();
        var kwOnly = new List<Arg>();
        var kwDefaults = new List<Expr?>();
        Arg? varArg = null, kwArg = null;
        bool sawStar = false;
        Token? bareStar = null;
        var names = new HashSet<string>();

        Arg ParseArg()
        {
            ref readonly var t = ref Cur;
            var name = ExpectName();
            Expr? annotation = null;
            if (annotations && EatOp(":")) annotation = ParseExpression();
            if (!names.Add(name)) Defer(Error($"duplicate argument '{name}' in function definition", t.Pos));
            return new Arg(t.Pos, name, annotation);
        }

        while (!AtOp(close))
        {
            ref readonly var t = ref Cur;
            if (kwArg != null) throw Error("arguments cannot follow var-keyword argument", t.Pos);
            if (t.IsOp("/"))
            {
                Next();
                if (sawStar || args.Count == 0) throw Error(sawStar ? "/ must be ahead of *" : "at least one argument must precede /", t.Pos);
                if (posOnly.Count > 0) throw Error("/ may appear only once", t.Pos);
                posOnly = args;
                args = [];
            }
            else if (t.IsOp("*"))
            {
                Next();
                if (sawStar) throw Error("* argument may appear only once", t.Pos);
                sawStar = true;
                if (AtOp(",") || AtOp(close)) bareStar = t;
                else varArg = ParseArg();
            }
            else if (t.IsOp("**"))
            {
                Next();
                kwArg = ParseArg();
            }
            else
            {
                var arg = ParseArg();
                Expr? def = null;
                if (EatOp("=")) def = ParseExpression();
                if (sawStar)
                {
                    kwOnly.Add(arg);
                    kwDefaults.Add(def);
                }
                else
                {
                    if (def == null && defaults.Count > 0) throw Error("non-default argument follows default argument", arg.Pos);
                    args.Add(arg);
                    if (def != null) defaults.Add(def);
                }
            }
            if (!EatOp(",")) break;
        }
        if (bareStar is { } star && kwOnly.Count == 0) throw Error("named arguments must follow bare *", star.Pos);
        if (!AtOp(close)) throw Unexpected();
        return new Arguments(posOnly, args, varArg, kwOnly, kwDefaults, kwArg, defaults);
    }
}
