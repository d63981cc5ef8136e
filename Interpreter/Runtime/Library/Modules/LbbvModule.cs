// `_lbbv`: what Lbbv's own Python-source modules (Lib/) need from the VM and CPython offers
// through modules Lbbv does not have (os, exec, object.__new__). Not a public API.
namespace Lbbv.Runtime;

public static class LbbvModule
{
    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("_lbbv"));
        // getenv(name, default=None): os.environ.get
        m.Function("getenv", static (in Args a) =>
        {
            a.Range(1, 2, "getenv");
            var v = Environment.GetEnvironmentVariable(Strs.Get(a[0]));
            return v != null ? Strs.New(v) : a.Count > 1 ? a[1] : Value.None;
        });
        // append_text(path, text): opens path for appending (creating it), writes text, closes it
        m.Function("append_text", static (in Args a) =>
        {
            a.Exactly(2, "append_text");
            string path = Strs.Get(a[0]);
            try { File.AppendAllText(path, Strs.Get(a[1])); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Errors.New(Types.OSError, $"[Errno 2] {e.Message}: '{path}'");
            }
            return Value.None;
        });
        // define(source, namespace, filename): runs source (definitions) with the namespace's entries
        // as its globals and copies what it binds back into the namespace (exec(source, namespace)).
        m.Function("define", static (in Args a) =>
        {
            a.Exactly(3, "define");
            var ns = Dicts.Get(a[1]);
            var moduleName = ns.GetOrEmpty(Strs.New("__name__"));
            var module = new ModuleObject(moduleName.Is(ObjectKind.Str) ? Strs.Get(moduleName) : "<lbbv>");
            Imports.NewModule(module);
            using var root = TempRoots.Push(module.Self);
            foreach (var (k, v) in ns.Items()) module.Set(Strs.Get(k), v);
            var code = Imports.CompileFile(Strs.Get(a[2]), Strs.Get(a[0]));
            if (Imports.RunModule(code, module).IsEmpty) throw ThreadState.TakePending();
            foreach (var (k, v) in module.Items().ToArray()) ns.Set(Strs.New(k), v);
            return Value.None;
        });
        // new_instance(cls): object.__new__(cls): an instance of a Python class, __init__ not called
        m.Function("new_instance", static (in Args a) =>
        {
            a.Exactly(1, "new_instance");
            if (!a[0].Is(ObjectKind.Class))
                throw Errors.Type($"new_instance(X): X is not a type object ({Types.NameOf(a[0])})");
            var cls = ClassObject.Of(a[0]);
            if (cls.IsException) return Exceptions.CreateWithArgs(cls, Tuples.New(0));
            if (cls.BuiltinBase != Types.Object)
                throw Errors.Type($"object.__new__({cls.Name}) is not safe, use {cls.BuiltinBase!.Name}.__new__()");
            return Instances.New(cls);
        });
        // set_fields(obj, names, values): object.__setattr__(obj, names[i], values[i]) for every i, in
        // one call (the constructor of a namedtuple class stores its fields with it)
        m.Function("set_fields", static (in Args a) =>
        {
            a.Exactly(3, "set_fields");
            var names = Tuples.Span(a[1]);
            var values = Tuples.Span(a[2]);
            if (!a[0].Is(ObjectKind.Instance) || names.Length != values.Length)
                throw Errors.Type("set_fields(instance, names, values)");
            var cls = ClassObject.FromPtr(Obj.ClassPtr(a[0]));
            AttrCache cache = default;
            for (int i = 0; i < names.Length; i++)
                Attributes.InstanceSet(a[0], cls, Strs.Get(names[i]), values[i], ref cache);
            return Value.None;
        });
        // caller_module(depth): the __name__ of the module whose code runs `depth` frames above the
        // calling Python function (sys._getframe(depth).f_globals['__name__'])
        m.Function("caller_module", static (in Args a) =>
        {
            a.Exactly(1, "caller_module");
            return CallerModule(Ints.ToLong(a[0]));
        });
        // class_dict(cls): a new dict of the attributes cls itself defines (cls.__dict__'s content)
        m.Function("class_dict", static (in Args a) =>
        {
            a.Exactly(1, "class_dict");
            if (!a[0].Is(ObjectKind.Class)) throw Errors.Type("class_dict() argument must be a class");
            var d = new DictObject();
            foreach (var (k, v) in ClassObject.Of(a[0]).Dict) d.Set(Strs.New(k), v);
            return Dicts.New(d);
        });
        return m.Module;
    }

    static unsafe Value CallerModule(long depth)
    {
        Frame* f = ThreadState.Current;
        for (long i = 0; i < depth && f != null; i++) f = f->Back;
        if (f == null) throw Errors.ValueErr("call stack is not deep enough");
        return Strs.New(ModuleObject.Of(Value.Obj(f->Globals)).Name);
    }
}
