namespace Lbbv.Support;

/// <summary>
/// A Python-level error raised by a support algorithm. The runtime turns it into the Python
/// exception named by <see cref="PyType"/> (e.g. "ValueError") with <see cref="Message"/> as its text.
/// </summary>
public sealed class PyError : Exception
{
    /// <summary>The Python exception type name, e.g. "ValueError", "OverflowError".</summary>
    public string PyType { get; }

    /// <summary>Creates the error; <paramref name="message"/> is CPython's exact message text.</summary>
    public PyError(string pyType, string message) : base(message) => PyType = pyType;

    internal static PyError Value(string message) => new("ValueError", message);
    internal static PyError Type(string message) => new("TypeError", message);
    internal static PyError Overflow(string message) => new("OverflowError", message);
    internal static PyError ZeroDivision(string message) => new("ZeroDivisionError", message);
}
