using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler;

/// <summary>The `from __future__ import ...` features a module enables (CPython's future.c): they
/// must come first (after the docstring). Only `annotations` changes what Lbbv compiles (annotations
/// become strings); the others are mandatory in Python 3 and change nothing.</summary>
internal sealed record FutureFeatures(bool Annotations)
{
    private static readonly HashSet<string> Known =
    [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
        "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    ];

    public static FutureFeatures Of(Module module)
    {
        bool annotations = false, inPrefix = true;
        for (int i = 0; i < module.Body.Count; i++)
        {
            var s = module.Body[i];
            if (i == 0 && s is ExprStmt { Value: Constant { Value: string } }) continue;
            if (s is not ImportFrom { ModuleName: "__future__" } f)
            {
                inPrefix = false;
                continue;
            }
            if (!inPrefix)
                throw new PySyntaxError("from __future__ imports must occur at the beginning of the file",
                    module.FileName, f.Pos.Line, f.Pos.Col, null);
            foreach (var alias in f.Names)
            {
                if (alias.Name == "braces")
                    throw new PySyntaxError("not a chance", module.FileName, f.Pos.Line, f.Pos.Col, null);
                if (alias.Name == "barry_as_FLUFL")
                    throw new NotSupportedFeatureError("from __future__ import "
                        + "barry_as_FLUFL", module.FileName, f.Pos.Line);
                if (!Known.Contains(alias.Name))
                    throw new PySyntaxError($"future feature {alias.Name} is not "
                        + "defined", module.FileName, f.Pos.Line, f.Pos.Col, null);
                if (alias.Name == "annotations") annotations = true;
            }
        }
        return new FutureFeatures(annotations);
    }
}
