// import: where a module comes from, in CPython's order. A few modules are part of the VM and
// cannot be shadowed (sys, time, gc, itertools, builtins, as CPython's built-in modules); then the
// main program's directory (NAME.py or the package NAME/__init__.py); then the modules Lbbv ships:
// C# modules (math, random, array, ...) and Python sources embedded in this assembly (Lib/, see
// ShippedModules). A dotted name imports its parent package first and binds the child on it.
using Lbbv.Bytecode;
using Lbbv.Bytecode.Compiler;
using Lbbv.Syntax;

namespace Lbbv.Runtime;

public static unsafe class Imports
{
    public static readonly Dictionary<string, Value> Modules = new();
    public static readonly Dictionary<string, Func<ModuleObject>> BuiltinModules = new();
    public static string MainDirectory = ".";

    /// <summary>Modules that are built into CPython's executable: a file of the same name next to
    /// the program does not shadow them.</summary>
    static readonly HashSet<string> Unshadowable = ["sys", "time", "gc", "itertools", "builtins", "_lbbv"];

    public static void Reset()
    {
        Modules.Clear();
        Gc.RootProviders.Add(() => { foreach (var m in Modules.Values) Gc.Mark(m); });
    }

    public static Value NewModule(ModuleObject m)
    {
        m.Self = Obj.New(ObjectKind.Module, m);
        m.Set("__name__", Strs.New(m.Name));
        return m.Self;
    }

    /// <summary>The module `name` (executed once); Empty when its code raised (ThreadState.Pending).</summary>
    public static Value Import(string name)
    {
        if (Modules.TryGetValue(name, out var mv)) return mv;
        int dot = name.LastIndexOf('.');
        if (dot >= 0) return ImportSubmodule(name[..dot], name);
        if (name == "builtins") return Modules[name] = Builtins.Module.Self;
        if (!Unshadowable.Contains(name) && FindInDirectory(MainDirectory, name) is { } found)
            return RunFile(name, found);
        if (BuiltinModules.TryGetValue(name, out var factory))
        {
            var v = NewModule(factory());
            Modules[name] = v;
            return v;
        }
        if (ShippedModules.Find(name) is { } shipped)
            return RunSource(name, shipped.Path, shipped.Source, shipped.IsPackage ? shipped.PackageDirectory : null);
        throw NotFound(name);
    }

    static PyException NotFound(string name) => Errors.New(Types.ModuleNotFoundError, $"No module named '{name}'");

    static Value ImportSubmodule(string parentName, string name)
    {
        var parent = Import(parentName);
        if (parent.IsEmpty) return parent;
        if (Modules.TryGetValue(name, out var already)) return already;
        var pm = ModuleObject.Of(parent);
        if (pm.PackageDirectory == null)
            throw Errors.New(Types.ModuleNotFoundError, $"No module named '{name}'; '{parentName}' is not a package");
        string child = name[(parentName.Length + 1)..];
        Value v;
        if (ShippedModules.IsShippedDirectory(pm.PackageDirectory))
        {
            var shipped = ShippedModules.Find(name) ?? throw NotFound(name);
            v = RunSource(name, shipped.Path, shipped.Source, shipped.IsPackage ? shipped.PackageDirectory : null);
        }
        else
        {
            var found = FindInDirectory(pm.PackageDirectory, child) ?? throw NotFound(name);
            v = RunFile(name, found);
        }
        if (!v.IsEmpty) pm.Set(child, v);
        return v;
    }

    static Value RunFile(string name, (string Path, bool IsPackage) found)
    {
        string? packageDirectory = found.IsPackage ? Path.GetDirectoryName(found.Path) : null;
        return RunSource(name, found.Path, File.ReadAllText(found.Path), packageDirectory);
    }

    static (string Path, bool IsPackage)? FindInDirectory(string directory, string name)
    {
        string package = Path.Combine(directory, name, "__init__.py");
        if (File.Exists(package)) return (Path.GetFullPath(package), true);
        string file = Path.Combine(directory, name + ".py");
        if (File.Exists(file)) return (Path.GetFullPath(file), false);
        return null;
    }

    /// <summary>Compiles and runs a module's source as `name` (a package when packageDirectory is
    /// set); the module is registered before its code runs, as in CPython, and removed if it raises.</summary>
    static Value RunSource(string name, string path, string source, string? packageDirectory)
    {
        CodeObject code;
        try { code = CompileFile(path, source); }
        catch (PySyntaxError e) { throw SyntaxErrors.ToException(e); }
        var m = new ModuleObject(name) { File = path, PackageDirectory = packageDirectory };
        var v = NewModule(m);
        m.Set("__file__", Strs.New(path));
        if (packageDirectory != null) m.Set("__path__", Lists.FromSpan([Strs.New(packageDirectory)]));
        string package = packageDirectory != null ? name : name.Contains('.') ? name[..name.LastIndexOf('.')] : "";
        m.Set("__package__", Strs.New(package));
        Modules[name] = v;
        var r = RunModule(code, m);
        if (r.IsEmpty) { Modules.Remove(name); return r; }
        return v;
    }

    public static CodeObject CompileFile(string path, string source)
    {
        SourceCache.Add(path, source);
        var module = Parser.ParseModule(source, path);
        return ModuleCompiler.Compile(module);
    }

    /// <summary>Runs module code in `m`; Empty when it raised.</summary>
    public static Value RunModule(CodeObject code, ModuleObject m)
    {
        var cr = CodeRuntime.For(code, m);
        Frame* f = FrameStack.Push(cr);
        Frame.Init(f, cr, 0, m.Self.Ptr);
        var r = Interpreter.Execute(f);
        FrameStack.Pop(f);
        return r;
    }

    public static Value ImportFrom(Value module, string name)
    {
        var m = ModuleObject.Of(module);
        var v = m.Get(name);
        if (!v.IsEmpty) return v;
        if (m.PackageDirectory != null)
        {
            // `from package import submodule`
            var sub = Import(m.Name + "." + name);
            if (sub.IsEmpty) throw ThreadState.TakePending();
            return sub;
        }
        throw Errors.New(Types.ImportError,
            $"cannot import name '{name}' from '{m.Name}' ({(m.File ?? "unknown location")})");
    }

    public static void ImportStar(Value module, ModuleObject into)
    {
        var m = ModuleObject.Of(module);
        var all = m.Get("__all__");
        if (!all.IsEmpty)
        {
            foreach (var n in Protocols.ToList(all))
            {
                string name = Strs.Get(n);
                into.Set(name, ImportFrom(module, name));
            }
            return;
        }
        foreach (var (k, v) in m.Items().ToArray())
            if (!k.StartsWith('_')) into.Set(k, v);
    }
}
