namespace Lbbv.Syntax;

/// <summary>The (newline-normalized) source and its line starts, to recover a line's text for errors.</summary>
internal sealed class SourceText
{
    public string Text { get; }
    public string FileName { get; }
    private readonly List<int> _lineStarts = [0];

    public SourceText(string text, string fileName)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        Text = text;
        FileName = fileName;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    public int LineCount => _lineStarts.Count;

    /// <summary>The text of a 1-based line without its newline, or null past the end.</summary>
    public string? Line(int line)
    {
        if (line < 1 || line > _lineStarts.Count) return null;
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Count ? _lineStarts[line] - 1 : Text.Length;
        return Text[start..end];
    }

    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>Converts an offset to a 1-based line and 0-based column.</summary>
    public Pos PosOf(int offset)
    {
        int lo = 0, hi = _lineStarts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return new Pos(lo + 1, offset - _lineStarts[lo]);
    }

    public PySyntaxError Error(string message, int line, int col, string kind = "SyntaxError") =>
        new(message, FileName, line, col, Line(line), kind);
}
