using System.Numerics;

namespace Lbbv.Bytecode.Compiler.CodeGen;

/// <summary>The constants of one code object, deduplicated by Python identity of value and type:
/// 1, 1.0 and True stay distinct, and so do 0.0 and -0.0. Code objects are never merged.</summary>
internal sealed class ConstantPool
{
    private readonly List<object?> _items = new();
    private readonly Dictionary<object, int> _index = new(ConstComparer.Instance);
    private int _noneIndex = -1;

    public int Add(object? value)
    {
        if (value is null)
        {
            if (_noneIndex < 0) { _noneIndex = _items.Count; _items.Add(null); }
            return _noneIndex;
        }
        if (_index.TryGetValue(value, out int i)) return i;
        i = _items.Count;
        _items.Add(value);
        _index[value] = i;
        return i;
    }

    public object?[] ToArray() => _items.ToArray();

    private sealed class ConstComparer : IEqualityComparer<object>
    {
        public static readonly ConstComparer Instance = new();

        public new bool Equals(object? a, object? b)
        {
            if (a is null || b is null) return a is null && b is null;
            if (a.GetType() != b.GetType()) return false;
            return a switch
            {
                double x => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits((double)b),
                object?[] xs => TupleEquals(xs, (object?[])b),
                CodeObject => ReferenceEquals(a, b),
                _ => a.Equals(b),
            };
        }

        private bool TupleEquals(object?[] xs, object?[] ys)
        {
            if (xs.Length != ys.Length) return false;
            for (int i = 0; i < xs.Length; i++)
                if (!Equals(xs[i], ys[i])) return false;
            return true;
        }

        public int GetHashCode(object o) => o switch
        {
            double d => HashCode.Combine(1, BitConverter.DoubleToInt64Bits(d)),
            bool b => HashCode.Combine(2, b),
            BigInteger i => HashCode.Combine(3, i),
            string s => HashCode.Combine(4, s),
            object?[] xs => xs.Aggregate(5, (h, x) => HashCode.Combine(h, x is null ? 0 : GetHashCode(x))),
            CodeObject c => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(c),
            _ => o.GetHashCode(),
        };
    }
}
