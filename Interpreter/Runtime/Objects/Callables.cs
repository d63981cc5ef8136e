// Companions of callable objects: Python functions, bound methods, builtin functions and the
// descriptor wrappers (staticmethod, classmethod, property).
namespace Lbbv.Runtime;

/// <summary>The managed data of a Python function (its native object holds the JIT entry word).</summary>
public sealed class FunctionData : ITraceable
{
    public required CodeRuntime Code;
    public required Value Globals;   // the module object
    public Value Defaults;           // tuple or Empty
    public Value KwDefaults;         // dict or Empty
    public Value Closure;            // tuple of cells or Empty
    public string Name;
    public string QualName;
    /// <summary>`__doc__` once assigned (Empty: the code's docstring).</summary>
    public Value Doc;
    /// <summary>`__module__` once assigned (Empty: the defining module's name).</summary>
    public Value ModuleName;
    /// <summary>`__dict__`: a dict of the function's own attributes, created on first use (or Empty).</summary>
    public Value Dict;

    public FunctionData(string name, string qualName) { Name = name; QualName = qualName; }

    public void Trace()
    {
        Gc.Mark(Globals); Gc.Mark(Defaults); Gc.Mark(KwDefaults); Gc.Mark(Closure);
        Gc.Mark(Doc); Gc.Mark(ModuleName); Gc.Mark(Dict);
    }
}

public static unsafe class Functions
{
    public static Value New(FunctionData data)
    {
        var f = (FunctionObject*)NativeHeap.Alloc(Layout.FunctionSize, ObjectKind.Function);
        // SAFETY: fresh function object.
        f->Header.Handle = Handles.Add(data);
        f->CodeId = data.Code.Id;
        f->Closure = data.Closure.IsEmpty ? 0 : data.Closure.Ptr;
        return Value.Obj((nint)f);
    }

    public static FunctionData Data(Value f) => Obj.Get<FunctionData>(f);
}

public sealed class BoundMethodObject(Value self, Value func) : ITraceable
{
    public readonly Value Self = self;
    public readonly Value Func = func;
    public void Trace() { Gc.Mark(Self); Gc.Mark(Func); }
}

/// <summary>Arguments of a builtin: positional values plus keyword names/values.</summary>
public readonly ref struct Args
{
    public readonly ReadOnlySpan<Value> Pos;
    public readonly ReadOnlySpan<Value> KwValues;
    public readonly Value KwNames; // tuple of str, or Empty

    public Args(ReadOnlySpan<Value> pos) { Pos = pos; KwValues = default; KwNames = default; }
    public Args(ReadOnlySpan<Value> pos, ReadOnlySpan<Value> kwValues, Value kwNames)
    { Pos = pos; KwValues = kwValues; KwNames = kwNames; }

    public int Count => Pos.Length;
    public Value this[int i] => Pos[i];
    public bool HasKw => KwValues.Length > 0;

    /// <summary>The keyword argument `name`, or Empty.</summary>
    public Value Kw(string name)
    {
        for (int i = 0; i < KwValues.Length; i++)
            if (Strs.Get(Tuples.Span(KwNames)[i]) == name) return KwValues[i];
        return Value.Empty;
    }

    public string KwName(int i) => Strs.Get(Tuples.Span(KwNames)[i]);

    /// <summary>Checks that only the given keywords are present.</summary>
    public void AllowKw(string fname, params string[] allowed)
    {
        for (int i = 0; i < KwValues.Length; i++)
        {
            string n = KwName(i);
            if (Array.IndexOf(allowed, n) < 0)
                throw Errors.Type($"{fname}() got an unexpected keyword argument '{n}'");
        }
    }

    public void NoKw(string fname)
    {
        if (KwValues.Length > 0) throw Errors.Type($"{fname}() takes no keyword arguments");
    }

    /// <summary>CPython's METH_NOARGS check: "NAME() takes no arguments (N given)".</summary>
    public void NoArguments(string fname)
    {
        NoKw(fname);
        if (Pos.Length != 0) throw Errors.Type($"{fname}() takes no arguments ({Pos.Length} given)");
    }

    /// <summary>METH_NOARGS for a method of a builtin type (self is args[0]): "TYPE.NAME() takes no
    /// arguments (N given)".</summary>
    public void SelfOnly(string qualifiedName)
    {
        NoKw(qualifiedName);
        if (Pos.Length > 1) throw Errors.Type($"{qualifiedName}() takes no arguments ({Pos.Length - 1} given)");
    }

    public void Exactly(int n, string fname)
    {
        NoKw(fname);
        if (Pos.Length != n)
            throw Errors.Type(n == 1 ? $"{fname}() takes exactly one argument ({Pos.Length} given)"
                : $"{fname} expected {n} arguments, got {Pos.Length}");
    }

    public void Range(int min, int max, string fname)
    {
        NoKw(fname);
        if (Pos.Length < min)
            throw Errors.Type(min == 1 && max == 1 ? $"{fname}() takes exactly one argument ({Pos.Length} given)"
                : $"{fname} expected at least {min} argument{(min == 1 ? "" : "s")}, got {Pos.Length}");
        if (Pos.Length > max)
            throw Errors.Type(max == 0 ? $"{fname}() takes no arguments ({Pos.Length} given)"
                : max == 1 && min <= 1 ? $"{fname} expected at most 1 argument, got {Pos.Length}"
                : $"{fname} expected at most {max} arguments, got {Pos.Length}");
    }
}

public delegate Value NativeFn(in Args args);

/// <summary>A builtin function or a method of a builtin type (self is args[0]).</summary>
public sealed class BuiltinFunctionObject : ITraceable
{
    public readonly string Name;
    public readonly NativeFn Fn;
    /// <summary>For methods: the owning type (for `descriptor 'x' of 'str' object needs an argument`).</summary>
    public readonly ClassObject? Owner;
    /// <summary>Bound receiver (prepended to the arguments), or Empty.</summary>
    public readonly Value Self;
    /// <summary>The tag of every value this function returns, when it always returns the same
    /// immediate type (len: Int, isinstance: Bool, math.sqrt: Float); null when it varies. A JIT
    /// may type the result of a call that proved its callee is this function.</summary>
    public Tag? ResultTag { get; internal set; }
    /// <summary>The C library function (libm's name) this builtin applies to its one float
    /// argument, with the math module's checks (a NaN from a non-NaN argument is a ValueError, an
    /// infinity from a finite one an OverflowError); null for any other builtin. A JIT may call the
    /// C function directly: the runtime reaches the same function through .NET's Math.</summary>
    public string? CFunction { get; internal set; }
    /// <summary>A method of a builtin data type that receives an instance of a subclass itself rather
    /// than the builtin value it extends (dict.__getitem__ calls the subclass's __missing__).</summary>
    public bool TakesSubclassSelf { get; internal set; }

    public BuiltinFunctionObject(string name, NativeFn fn, ClassObject? owner, Value self = default)
    { Name = name; Fn = fn; Owner = owner; Self = self; }

    public void Trace() => Gc.Mark(Self);
}

public sealed class StaticMethodObject(Value func) : ITraceable
{
    public readonly Value Func = func;
    public void Trace() => Gc.Mark(Func);
}

public sealed class ClassMethodObject(Value func) : ITraceable
{
    public readonly Value Func = func;
    public void Trace() => Gc.Mark(Func);
}

public sealed class PropertyObject : ITraceable
{
    public Value Get, Set, Del;
    public void Trace() { Gc.Mark(Get); Gc.Mark(Set); Gc.Mark(Del); }
}
