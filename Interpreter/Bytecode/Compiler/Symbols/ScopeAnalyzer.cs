using Lbbv.Syntax;

namespace Lbbv.Bytecode.Compiler.Symbols;

/// <summary>Second pass of the symbol table (CPython's analyze_block): decides for every name of
/// every scope whether it is local, global, free or a cell, and computes cell and free variables.</summary>
internal static class ScopeAnalyzer
{
    public static void Analyze(Scope root, string fileName) =>
        AnalyzeScope(root, new HashSet<string>(), fileName);

    /// <param name="bound">Names bound in enclosing function scopes (visible to closures).</param>
    /// <returns>The free variables of this scope (what its closure must supply).</returns>
    private static HashSet<string> AnalyzeScope(Scope scope, HashSet<string> bound, string fileName)
    {
        var locals = new HashSet<string>();
        var explicitGlobals = new HashSet<string>();
        foreach (var name in scope.Order)
        {
            SymFlags f = scope.Flags[name];
            VarKind kind;
            if ((f & SymFlags.Global) != 0) { kind = VarKind.GlobalExplicit; explicitGlobals.Add(name); }
            else if ((f & SymFlags.Nonlocal) != 0)
            {
                if (!bound.Contains(name))
                {
                    Pos p = scope.DeclPos[name];
                    throw new PySyntaxError($"no binding for nonlocal '{name}' found", fileName, p.Line, p.Col, null);
                }
                kind = VarKind.Free;
            }
            else if ((f & (SymFlags.Assigned | SymFlags.Param)) != 0)
            {
                kind = scope.Kind == ScopeKind.Module ? VarKind.GlobalImplicit : VarKind.Local;
                locals.Add(name);
            }
            else if (scope.Kind != ScopeKind.Module && bound.Contains(name)) kind = VarKind.Free;
            else kind = VarKind.GlobalImplicit;
            scope.Resolved[name] = kind;
        }

        HashSet<string> childBound;
        switch (scope.Kind)
        {
            case ScopeKind.Module:
                childBound = new HashSet<string>();
                break;
            case ScopeKind.Class:
                // Class-level names are not visible to methods; the implicit __class__ cell is.
                childBound = new HashSet<string>(bound) { "__class__" };
                break;
            default:
                childBound = new HashSet<string>(bound);
                childBound.UnionWith(locals);
                childBound.ExceptWith(explicitGlobals);
                break;
        }

        var childFree = new HashSet<string>();
        foreach (var child in scope.Children) childFree.UnionWith(AnalyzeScope(child, childBound, fileName));

        var free = new HashSet<string>();
        foreach (var (name, kind) in scope.Resolved)
            if (kind == VarKind.Free) free.Add(name);
        var cells = new HashSet<string>();
        foreach (var name in childFree)
        {
            if (scope.IsFunctionLike && scope.Resolve(name) == VarKind.Local)
            {
                scope.Resolved[name] = VarKind.Cell;
                cells.Add(name);
            }
            else if (scope.Kind == ScopeKind.Class && name == "__class__")
            {
                scope.NeedsClassClosure = true;
                cells.Add(name);
            }
            else if (scope.Kind != ScopeKind.Module)
            {
                // Passed through to an inner scope; a class keeps its own (LoadName) binding.
                free.Add(name);
                if (scope.IsFunctionLike) scope.Resolved[name] = VarKind.Free;
            }
        }
        scope.CellVars.AddRange(cells.OrderBy(s => s, StringComparer.Ordinal));
        foreach (var name in scope.CellVars) scope.CellVariables[name] = new CellVariable(name, scope.Name);
        scope.FreeVars.AddRange(free.OrderBy(s => s, StringComparer.Ordinal));
        return free;
    }
}
