using System.Numerics;

namespace Lbbv.Support.Tests;

public sealed class PercentMappingTests
{
    /// <summary>The dict {'a': 1, 'b': 'x', 'c': 2.5} as the right operand (handle 0 is the dict itself).</summary>
    private sealed class DictArgs : IPercentArgs
    {
        private readonly string[] _keys = ["a", "b", "c"];
        private readonly object[] _values = [new BigInteger(1), "x", 2.5];
        public int Count => 1;
        public bool IsMapping => true;
        public int GetItem(string key)
        {
            int i = Array.IndexOf(_keys, key);
            if (i < 0) throw new PyError("KeyError", key);
            return i + 1;
        }
        private object V(int h) => _values[h - 1];
        public string Str(int h) => h == 0 ? "{'a': 1, 'b': 'x', 'c': 2.5}" : Values.Str(V(h));
        public string Repr(int h) => h == 0 ? Str(0) : Values.Repr(V(h));
        public string Ascii(int h) => Repr(h);
        public string TypeName(int h) => h == 0 ? "dict" : Values.TypeName(V(h));
        public bool TryGetInteger(int h, out BigInteger value)
        {
            value = h > 0 && V(h) is BigInteger n ? n : 0;
            return h > 0 && V(h) is BigInteger;
        }
        public bool TryGetDouble(int h, out double value)
        {
            value = 0;
            if (h == 0) return false;
            if (V(h) is double d) { value = d; return true; }
            if (V(h) is BigInteger n) { value = (double)n; return true; }
            return false;
        }
        public bool TryGetString(int h, out string value)
        {
            value = h > 0 && V(h) is string s ? s : "";
            return h > 0 && V(h) is string;
        }
    }

    // Expected values from python3: f % {'a': 1, 'b': 'x', 'c': 2.5}
    [Theory]
    [InlineData("%(a)s %(b)s", "ok s\"1 x\"")]
    [InlineData("%(a)05d|%(c).2f", "ok s\"00001|2.50\"")]
    [InlineData("%(b)r", "ok s\"'x'\"")]
    [InlineData("%(zz)s", "err KeyError: zz")]
    [InlineData("%s", "ok s\"{'a': 1, 'b': 'x', 'c': 2.5}\"")]
    [InlineData("%(a)s %s", "err TypeError: not enough arguments for format string")]
    [InlineData("%s %(a)s", "ok s\"{'a': 1, 'b': 'x', 'c': 2.5} 1\"")]
    [InlineData("%%%(a)d%%", "ok s\"%1%\"")]
    [InlineData("%(a)*d", "err TypeError: not enough arguments for format string")]
    [InlineData("%((a))s", "err KeyError: (a)")]
    [InlineData("x", "ok s\"x\"")]
    public void MappingOperand(string format, string expected) =>
        Assert.Equal(expected, Expected.Res(() => PercentFormat.Format(format, new DictArgs())));
}
