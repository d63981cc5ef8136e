// A SyntaxError found while importing a module is a Python exception (CPython raises it at the
// import): it carries the file, line, column and source line, and a traceback prints them as the
// compiler's report does.
using System.Text;
using Lbbv.Syntax;

namespace Lbbv.Runtime;

public static class SyntaxErrors
{
    public static PyException ToException(PySyntaxError e)
    {
        var cls = Types.ByName.TryGetValue(e.Kind, out var c) ? c : Types.SyntaxError;
        var details = Tuples.FromSpan([Strs.New(e.FileName), Value.Int(e.Line), Value.Int(e.Col + 1),
            e.SourceLine == null ? Value.None : Strs.New(e.SourceLine)]);
        var exc = Exceptions.CreateWithArgs(cls, Tuples.FromSpan([Strs.New(e.Message), details]));
        var data = Exceptions.Data(exc);
        data.Attrs ??= new();
        data.Attrs["msg"] = Strs.New(e.Message);
        data.Attrs["filename"] = Strs.New(e.FileName);
        data.Attrs["lineno"] = Value.Int(e.Line);
        data.Attrs["offset"] = Value.Int(e.Col + 1);
        data.Attrs["text"] = e.SourceLine == null ? Value.None : Strs.New(e.SourceLine);
        return new PyException(exc, true);
    }

    /// <summary>For a SyntaxError with a location: the `File "...", line N`, source and caret lines
    /// and `SyntaxError: msg` that end its traceback; null for any other exception.</summary>
    public static string? Report(Value exc, string typeName)
    {
        var data = Exceptions.Data(exc);
        if (data.Attrs == null || !data.Attrs.TryGetValue("filename", out var file) || !file.Is(ObjectKind.Str))
            return null;
        var sb = new StringBuilder();
        long line = data.Attrs.TryGetValue("lineno", out var l) && l.IsInt ? l.Payload : 0;
        sb.Append($"  File \"{Strs.Get(file)}\", line {line}\n");
        if (data.Attrs.TryGetValue("text", out var text) && text.Is(ObjectKind.Str))
        {
            string src = Strs.Get(text).TrimEnd('\n', '\r');
            int lead = src.Length - src.TrimStart().Length;
            long offset = data.Attrs.TryGetValue("offset", out var o) && o.IsInt ? o.Payload : 1;
            sb.Append("    ").Append(src.Trim()).Append('\n');
            sb.Append("    ").Append(' ', (int)Math.Max(0, offset - 1 - lead)).Append("^\n");
        }
        string msg = data.Attrs.TryGetValue("msg", out var m) && m.Is(ObjectKind.Str) ? Strs.Get(m) : "";
        return sb.Append(typeName).Append(": ").Append(msg).Append('\n').ToString();
    }
}
