// __import__, exit/quit, and the builtins Lbbv does not support (open, exec, eval, ...): calling
// one ends the run as a construct outside the subset does ("file:line: NotSupportedError: open()
// is not supported by Lbbv", exit status 2), instead of a NameError that would suggest a typo.
using Lbbv.Syntax;

namespace Lbbv.Runtime;

public static class ImportAndUnsupportedBuiltins
{
    static readonly string[] Unsupported =
        ["open", "exec", "eval", "compile", "input", "breakpoint", "locals", "dir", "help", "aiter", "anext"];

    public static void Register(ModuleBuilder m)
    {
        m.Function("__import__", static (in Args a) =>
        {
            if (a.Count < 1 || !a[0].Is(ObjectKind.Str)) throw Errors.Type("__import__() argument 1 must be str");
            string name = Strs.Get(a[0]);
            var fromList = a.Count > 3 ? a[3] : a.Kw("fromlist");
            var level = a.Count > 4 ? a[4] : a.Kw("level");
            if (!level.IsEmpty && Ints.IsIntLike(level) && Ints.ToLong(level) != 0)
                throw NotSupported("relative imports");
            var module = Imports.Import(name);
            if (module.IsEmpty) throw ThreadState.TakePending();
            bool wantsModule = !fromList.IsEmpty && !fromList.IsNone && Protocols.IsTrue(fromList);
            if (wantsModule || !name.Contains('.')) return module;
            return Imports.Import(name[..name.IndexOf('.')]);
        });
        foreach (var exit in new[] { "exit", "quit" })
            m.Function(exit, static (in Args a) =>
            {
                var args = a.Count == 0 ? Tuples.New(0) : Tuples.FromSpan(a.Pos[..1]);
                throw new PyException(Exceptions.CreateWithArgs(Types.SystemExit, args), true);
            });
        foreach (var name in Unsupported)
        {
            string feature = name + "()";
            m.Function(name, (in Args a) => throw NotSupported(feature));
        }
    }

    /// <summary>The error for a feature outside the subset, at the line of the running Python code.</summary>
    public static unsafe NotSupportedFeatureError NotSupported(string feature)
    {
        var f = ThreadState.Current;
        if (f == null) return new NotSupportedFeatureError(feature, "<lbbv>", 0);
        var code = f->Code;
        return new NotSupportedFeatureError(feature, code.Code.FileName, code.LineOf(f->Ip));
    }
}
