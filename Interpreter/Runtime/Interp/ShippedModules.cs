// The modules Lbbv ships as Python source (Interpreter/Runtime/Lib, embedded in this assembly and
// compiled on first import): Lib/stdlib holds Lbbv's own versions of standard-library modules,
// Lib/packages modules that are third-party packages under CPython (pyperf). Tracebacks and
// __file__ name them `<lbbv>/stdlib/NAME.py`.
using System.Reflection;

namespace Lbbv.Runtime;

public static class ShippedModules
{
    const string DisplayRoot = "<lbbv>/";
    static readonly string[] Roots = ["stdlib", "packages"];
    static readonly Assembly Assembly = typeof(ShippedModules).Assembly;
    static readonly Dictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Lib/", StringComparison.Ordinal) || n.StartsWith("Lib\\", StringComparison.Ordinal))
        .ToDictionary(n => n[4..].Replace('\\', '/'), n => n);

    public sealed record Module(string Path, string Source, bool IsPackage, string PackageDirectory);

    /// <summary>The shipped module `dotted.name` (a package's __init__.py first), or null.</summary>
    public static Module? Find(string dottedName)
    {
        string rel = dottedName.Replace('.', '/');
        foreach (var root in Roots)
        {
            string package = $"{root}/{rel}/__init__.py";
            if (Resources.ContainsKey(package)) return Load(package, true, DisplayRoot + $"{root}/{rel}");
            string file = $"{root}/{rel}.py";
            if (Resources.ContainsKey(file)) return Load(file, false, "");
        }
        return null;
    }

    /// <summary>Whether a package directory is one of the shipped ones (its submodules are shipped too).</summary>
    public static bool IsShippedDirectory(string directory) =>
        directory.StartsWith(DisplayRoot, StringComparison.Ordinal);

    /// <summary>Every shipped module's dotted name (for tests).</summary>
    public static IEnumerable<string> Names() => Resources.Keys.Select(k =>
    {
        string rel = k[(k.IndexOf('/') + 1)..^3];
        if (rel.EndsWith("/__init__", StringComparison.Ordinal)) rel = rel[..^"/__init__".Length];
        return rel.Replace('/', '.');
    });

    static Module Load(string key, bool isPackage, string packageDirectory)
    {
        using var stream = Assembly.GetManifestResourceStream(Resources[key])!;
        using var reader = new StreamReader(stream);
        return new Module(DisplayRoot + key, reader.ReadToEnd(), isPackage, packageDirectory);
    }
}
