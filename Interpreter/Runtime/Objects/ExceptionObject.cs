// Exception instances: the class in the header; args, chaining, traceback and attributes here.
namespace Lbbv.Runtime;

/// <summary>One traceback entry: a code object and the instruction that was executing.</summary>
public readonly record struct TracebackEntry(CodeRuntime Code, int Ip);

public sealed class ExceptionObject : ITraceable
{
    public Value Args = Value.Empty;       // tuple
    public Value Cause = Value.None;
    public Value Context = Value.None;
    public bool SuppressContext;
    /// <summary>Innermost first (appended as the exception propagates outward).</summary>
    public List<TracebackEntry>? Traceback;
    public Dictionary<string, Value>? Attrs;

    public void Trace()
    {
        Gc.Mark(Args); Gc.Mark(Cause); Gc.Mark(Context);
        if (Attrs != null) foreach (var v in Attrs.Values) Gc.Mark(v);
    }
}

/// <summary>A Python exception in flight through .NET code.</summary>
public sealed class PyException : Exception
{
    public readonly Value Exc;
    /// <summary>True for a fresh raise (its __context__ is set from the handled exception);
    /// false when an exception raised in Python code propagates through a .NET frame.</summary>
    public readonly bool IsNew;

    public PyException(Value exc, bool isNew) : base(null) { Exc = exc; IsNew = isNew; }

    public override string Message => Exceptions.TypeName(Exc) + ": " + Exceptions.StrOf(Exc);
}
