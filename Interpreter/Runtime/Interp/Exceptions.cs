// Exception objects: creation, matching, str(), and CPython-style traceback printing.
using System.Text;

namespace Lbbv.Runtime;

public static unsafe class Exceptions
{
    public static Value Create(ClassObject cls, string message) => CreateWithArgs(cls, Tuples.FromSpan([Strs.New(message)]));

    public static unsafe Value CreateWithArgs(ClassObject cls, Value args)
    {
        var v = Obj.New(ObjectKind.Exception, new ExceptionObject { Args = args }, cls.Self.Ptr);
        return v;
    }

    public static ExceptionObject Data(Value exc) => Obj.Get<ExceptionObject>(exc);

    public static bool IsException(Value v) => v.Is(ObjectKind.Exception);

    public static bool Matches(Value exc, ClassObject cls) => IsException(exc) && Types.Of(exc).IsSubclassOf(cls);

    /// <summary>isinstance check of CheckExcMatch / except clauses (class or tuple of classes).</summary>
    public static bool MatchesSpec(Value exc, Value spec)
    {
        if (spec.Is(ObjectKind.Tuple))
        {
            foreach (var s in Tuples.Span(spec)) if (MatchesSpec(exc, s)) return true;
            return false;
        }
        if (!spec.Is(ObjectKind.Class) || !ClassObject.Of(spec).IsSubclassOf(Types.BaseException))
            throw Errors.Type("catching classes that do not inherit from BaseException is not allowed");
        return Types.Of(exc).IsSubclassOf(ClassObject.Of(spec));
    }

    public static string TypeName(Value exc)
    {
        var cls = Types.Of(exc);
        return cls.IsBuiltin || cls.Module is "builtins" or "__main__" ? cls.QualName : cls.Module + "." + cls.QualName;
    }

    /// <summary>BaseException.__str__.</summary>
    public static string DefaultStr(Value exc)
    {
        var e = Data(exc);
        if (e.Attrs != null && e.Attrs.TryGetValue("filename", out var file) && file.Is(ObjectKind.Str)
            && e.Attrs.TryGetValue("msg", out var msg) && Types.Of(exc).IsSubclassOf(Types.SyntaxError))
            return $"{Repr.Str(msg)} ({Path.GetFileName(Strs.Get(file))}, line {Repr.Str(e.Attrs["lineno"])})";
        var args = e.Args.IsEmpty ? Tuples.New(0) : e.Args;
        long n = Tuples.Count(args);
        if (n == 0) return "";
        if (n == 1)
        {
            var a = Tuples.Items(args)[0];
            return Matches(exc, Types.KeyError) ? Repr.Of(a) : Repr.Str(a);
        }
        return Repr.Of(args);
    }

    public static string StrOf(Value exc) => Repr.Str(exc);

    public static string DefaultRepr(Value exc)
    {
        var e = Data(exc);
        var args = e.Args.IsEmpty ? Tuples.New(0) : e.Args;
        string name = Types.Of(exc).Name;
        if (Tuples.Count(args) == 1) return $"{name}({Repr.Of(Tuples.Items(args)[0])})";
        return name + Repr.Of(args);
    }

    /// <summary>Records that the exception passed through `code` at instruction `ip`.</summary>
    public static void AddTraceback(Value exc, CodeRuntime code, int ip)
    {
        var e = Data(exc);
        (e.Traceback ??= new()).Add(new TracebackEntry(code, ip));
    }

    /// <summary>Sets __context__ for a fresh raise while another exception is being handled.</summary>
    public static void SetContext(Value exc)
    {
        var handled = ThreadState.Handled;
        if (handled.IsNone || handled.IsEmpty || handled.Same(exc)) return;
        // avoid cycles: cut the chain where exc appears
        var o = handled;
        while (Exceptions.IsException(o))
        {
            var d = Data(o);
            if (d.Context.Same(exc)) { d.Context = Value.None; break; }
            o = d.Context;
        }
        Data(exc).Context = handled;
    }

    // ---------------------------------------------------------------- printing

    public static string Format(Value exc)
    {
        var sb = new StringBuilder();
        FormatChain(sb, exc, new HashSet<long>());
        return sb.ToString();
    }

    static void FormatChain(StringBuilder sb, Value exc, HashSet<long> seen)
    {
        seen.Add(exc.Payload);
        var e = Data(exc);
        if (IsException(e.Cause) && !seen.Contains(e.Cause.Payload))
        {
            FormatChain(sb, e.Cause, seen);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (!e.SuppressContext && IsException(e.Context) && !seen.Contains(e.Context.Payload))
        {
            FormatChain(sb, e.Context, seen);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        FormatOne(sb, exc);
    }

    static void FormatOne(StringBuilder sb, Value exc)
    {
        var e = Data(exc);
        if (e.Traceback != null && e.Traceback.Count > 0)
        {
            sb.Append("Traceback (most recent call last):\n");
            string? lastKey = null;
            int repeat = 0;
            for (int i = e.Traceback.Count - 1; i >= 0; i--)
            {
                var t = e.Traceback[i];
                int line = t.Code.LineOf(t.Ip);
                string key = t.Code.Code.FileName + ":" + line + ":" + t.Code.Code.Name;
                if (key == lastKey)
                {
                    repeat++;
                    if (repeat > 3) continue;
                }
                else
                {
                    if (repeat > 3) AppendRepeat(sb, repeat - 3);
                    lastKey = key;
                    repeat = 1;
                }
                sb.Append($"  File \"{t.Code.Code.FileName}\", line {line}, in {t.Code.Code.Name}\n");
                string? src = SourceCache.Line(t.Code.Code.FileName, line);
                if (src != null && src.Trim().Length > 0) sb.Append("    ").Append(src.Trim()).Append('\n');
            }
            if (repeat > 3) AppendRepeat(sb, repeat - 3);
        }
        string name = TypeName(exc);
        if (Types.Of(exc).IsSubclassOf(Types.SyntaxError) && SyntaxErrors.Report(exc, name) is { } report)
        {
            sb.Append(report);
            return;
        }
        string msg = SafeStr(exc);
        sb.Append(msg.Length == 0 ? name : name + ": " + msg).Append('\n');
    }

    static void AppendRepeat(StringBuilder sb, int n)
        => sb.Append($"  [Previous line repeated {n} more time{(n == 1 ? "" : "s")}]\n");

    static string SafeStr(Value exc)
    {
        try { return StrOf(exc); }
        catch (PyException) { return "<exception str() failed>"; }
    }
}

/// <summary>Source lines for tracebacks.</summary>
public static class SourceCache
{
    static readonly Dictionary<string, string[]?> files = new();

    public static void Add(string file, string source) => files[file] = source.Split('\n');

    public static string? Line(string file, int line)
    {
        if (!files.TryGetValue(file, out var lines))
        {
            try { lines = File.ReadAllText(file).Split('\n'); } catch (IOException) { lines = null; } catch (UnauthorizedAccessException) { lines = null; }
            files[file] = lines;
        }
        if (lines == null || line < 1 || line > lines.Length) return null;
        return lines[line - 1].TrimEnd('\r');
    }

    public static void Clear() => files.Clear();
}
