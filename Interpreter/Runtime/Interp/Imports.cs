// import: builtin modules (math, time, sys, random) and .py files next to the main program.
using Lbbv.Bytecode;
using Lbbv.Bytecode.Compiler;
using Lbbv.Syntax;

namespace Lbbv.Runtime;

public static unsafe class Imports
{
    public static readonly Dictionary<string, Value> Modules = new();
    public static readonly Dictionary<string, Func<ModuleObject>> BuiltinModules = new();
    public static string MainDirectory = ".";

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
        if (BuiltinModules.TryGetValue(name, out var factory))
        {
            var m = factory();
            var v = NewModule(m);
            Modules[name] = v;
            return v;
        }
        if (!name.Contains('.'))
        {
            string path = Path.Combine(MainDirectory, name + ".py");
            if (File.Exists(path))
            {
                path = Path.GetFullPath(path);
                var code = CompileFile(path, File.ReadAllText(path));
                var m = new ModuleObject(name) { File = path };
                var v = NewModule(m);
                m.Set("__file__", Strs.New(path));
                Modules[name] = v;
                var r = RunModule(code, m);
                if (r.IsEmpty) { Modules.Remove(name); return r; }
                return v;
            }
        }
        throw Errors.New(Types.ModuleNotFoundError, $"No module named '{name}'");
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
        throw Errors.New(Types.ImportError,
            $"cannot import name '{name}' from '{m.Name}' ({(m.File ?? "unknown location")})");
    }

    public static void ImportStar(Value module, ModuleObject into)
    {
        foreach (var (k, v) in ModuleObject.Of(module).Items().ToArray())
            if (!k.StartsWith('_')) into.Set(k, v);
    }
}
