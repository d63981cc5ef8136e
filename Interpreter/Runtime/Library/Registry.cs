// The registration API for builtins: one static Register method per file, adding functions to a
// module (ModuleBuilder) or methods to a builtin class (TypeBuilder). See docs/RUNTIME.md.
namespace Lbbv.Runtime;

public sealed class ModuleBuilder(ModuleObject module)
{
    public readonly ModuleObject Module = module;

    public void Function(string name, NativeFn fn)
        => Module.Set(name, Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject(name, fn, null)));

    public void Value(string name, Value v) => Module.Set(name, v);

    /// <summary>Declares that the functions <paramref name="names"/>, registered before, return
    /// only values tagged <paramref name="tag"/> (or raise).</summary>
    public void Returns(Tag tag, params string[] names)
    {
        foreach (var name in names)
            Obj.Get<BuiltinFunctionObject>(Module.Get(name)).ResultTag = tag;
    }

    /// <summary>Declares that each function of <paramref name="names"/> is libm's function of the
    /// same name applied to its one argument as a float (see <see cref="BuiltinFunctionObject.CFunction"/>).</summary>
    public void AppliesCFunction(params string[] names)
    {
        foreach (var name in names)
            Obj.Get<BuiltinFunctionObject>(Module.Get(name)).CFunction = name;
    }
}

public sealed class TypeBuilder(ClassObject cls)
{
    public readonly ClassObject Class = cls;

    /// <summary>A method: args[0] is self.</summary>
    public void Method(string name, NativeFn fn)
        => Class.Dict[name] = Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject(name, fn, Class));

    /// <summary>The constructor called by Class(...).</summary>
    public void Ctor(NativeFn fn) => Class.Ctor = fn;
}

public static class Builtins
{
#pragma warning disable CS8618 // set by Init
    public static ModuleObject Module;
#pragma warning restore CS8618
    public static TextWriter Out = Console.Out;
    public static TextWriter Err = Console.Error;

    public static void Init()
    {
        Module = new ModuleObject("builtins");
        Imports.NewModule(Module);
        PermanentRoots.Add(Module.Self);
        var mb = new ModuleBuilder(Module);
        foreach (var (name, cls) in Types.ByName) mb.Value(name, cls.Self);
        mb.Value("NotImplemented", Types.NotImplemented);
        mb.Value("Ellipsis", Types.Ellipsis);

        BuiltinFunctions.Register(mb);
        BuiltinIteration.Register(mb);
        BuiltinNumbers.Register(mb);
        ImportAndUnsupportedBuiltins.Register(mb);
        mb.Returns(Tag.Int, "len", "hash", "ord");
        mb.Returns(Tag.Bool, "isinstance", "issubclass", "callable");
        TypeConstructors.Register();
        BytesType.Register(mb);
        Metaclasses.Register();
        ObjectAttributes.Register();
        ExceptionMethods.Register(new TypeBuilder(Types.BaseException));
        InheritedMethods.Register();
        StrMethods.Register(new TypeBuilder(Types.Str));
        ListMethods.Register(new TypeBuilder(Types.List));
        TupleMethods.Register(new TypeBuilder(Types.Tuple));
        DictMethods.Register(new TypeBuilder(Types.Dict));
        SetMethods.Register(new TypeBuilder(Types.Set), frozen: false);
        SetMethods.Register(new TypeBuilder(Types.FrozenSet), frozen: true);
        GeneratorMethods.Register(new TypeBuilder(Types.Generator));
        GeneratorMethods.Register(new TypeBuilder(Types.Coroutine), coroutine: true);
        BuiltinSlotWrappers.Register();
        RangeMethods.Register(new TypeBuilder(Types.Range));
        new TypeBuilder(Types.Slice).Method("indices", static (in Args a) =>
        {
            a.Exactly(2, "indices");
            long n = Ints.ToLong(a[1]);
            if (n < 0) throw Errors.ValueErr("length should not be negative");
            var (start, stop, step, _) = Items.SliceIndices(Slices.Get(a[0]), n);
            return Tuples.FromSpan([Value.Int(start), Value.Int(stop), Value.Int(step)]);
        });
        IntMethods.Register(new TypeBuilder(Types.Int), new TypeBuilder(Types.Float));
        NumberRatios.Register(new TypeBuilder(Types.Int), new TypeBuilder(Types.Float));

        Imports.BuiltinModules["math"] = MathModule.Create;
        Imports.BuiltinModules["time"] = TimeModule.Create;
        Imports.BuiltinModules["sys"] = SysModule.Create;
        Imports.BuiltinModules["random"] = RandomModule.Create;
        Imports.BuiltinModules["gc"] = GcModule.Create;
        Imports.BuiltinModules["_lbbv"] = LbbvModule.Create;
        Imports.BuiltinModules["_collections"] = CollectionsModule.Create;
        Imports.BuiltinModules["array"] = ArrayType.Create;
    }

    public static Value Fn(string name, NativeFn fn) => Obj.New(ObjectKind.BuiltinFunction, new BuiltinFunctionObject(name, fn, null));
}
