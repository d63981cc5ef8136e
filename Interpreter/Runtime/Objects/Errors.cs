// Raising Python exceptions from .NET code.
namespace Lbbv.Runtime;

public static class Errors
{
    public static PyException New(ClassObject type, string message) => new(Exceptions.Create(type, message), true);
    public static PyException Type(string message) => New(Types.TypeError, message);
    public static PyException ValueErr(string message) => New(Types.ValueError, message);
    public static PyException Index(string message) => New(Types.IndexError, message);
    public static PyException ZeroDiv(string message) => New(Types.ZeroDivisionError, message);
    public static PyException Attribute(string message) => New(Types.AttributeError, message);
    public static PyException Overflow(string message) => New(Types.OverflowError, message);
    public static PyException Key(Value key) => new(Exceptions.CreateWithArgs(Types.KeyError, Tuples.FromSpan([key])), true);
    public static PyException StopIteration(Value v) => new(Exceptions.CreateWithArgs(Types.StopIteration,
        v.IsEmpty ? Tuples.New(0) : Tuples.FromSpan([v])), true);

    public static PyException NoAttribute(Value obj, string name) => obj.Is(ObjectKind.Class)
        ? Attribute($"type object '{ClassObject.Of(obj).Name}' has no attribute '{name}'")
        : obj.Is(ObjectKind.Module) ? Attribute($"module '{ModuleObject.Of(obj).Name}' has no attribute '{name}'")
        : Attribute($"'{Types.NameOf(obj)}' object has no attribute '{name}'");

    /// <summary>Converts a Support PyError into the Python exception it names.</summary>
    public static PyException From(Lbbv.Support.PyError e)
        => New(Types.ByName.TryGetValue(e.PyType, out var t) ? t : Types.ValueError, e.Message);
}
