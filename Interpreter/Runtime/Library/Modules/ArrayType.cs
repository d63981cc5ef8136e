// The array module: array.array, a typed sequence of numbers (or unicode characters) stored
// unboxed, with CPython's conversions, range checks, reprs and error messages. Float codes keep
// doubles ('f' rounds through float32); integer codes keep longs ('Q' stores the 64 bits).
using System.Numerics;

namespace Lbbv.Runtime;

public sealed class ArrayData
{
    public readonly char Code;
    public double[] Floats = [];
    public long[] Ints = [];
    public int Count;

    public ArrayData(char code) { Code = code; }

    public bool IsFloat => Code is 'f' or 'd';

    public ArrayData Copy()
    {
        var c = new ArrayData(Code) { Count = Count };
        if (IsFloat) c.Floats = Floats[..Count];
        else c.Ints = Ints[..Count];
        return c;
    }

    void Reserve(int n)
    {
        if (IsFloat) { if (Floats.Length < n) Array.Resize(ref Floats, Math.Max(n, Math.Max(4, Floats.Length * 2))); }
        else if (Ints.Length < n) Array.Resize(ref Ints, Math.Max(n, Math.Max(4, Ints.Length * 2)));
    }

    public Value Get(int i) => IsFloat ? Value.Float(Floats[i]) : Code switch
    {
        'u' => Strs.FromCodePoint((int)Ints[i]),
        'Q' => Runtime.Ints.FromBig(new BigInteger((ulong)Ints[i])),
        _ => Value.Int(Ints[i]),
    };

    public void Set(int i, Value v)
    {
        if (IsFloat) Floats[i] = ArrayType.ToDouble(Code, v);
        else Ints[i] = ArrayType.ToLong(Code, v);
    }

    public void Append(Value v)
    {
        Reserve(Count + 1);
        Count++;
        Set(Count - 1, v);
    }

    public void InsertRange(int at, ArrayData other, int start, int length)
    {
        Reserve(Count + length);
        if (IsFloat)
        {
            Array.Copy(Floats, at, Floats, at + length, Count - at);
            Array.Copy(other.Floats, start, Floats, at, length);
        }
        else
        {
            Array.Copy(Ints, at, Ints, at + length, Count - at);
            Array.Copy(other.Ints, start, Ints, at, length);
        }
        Count += length;
    }

    public void RemoveRange(int at, int length)
    {
        if (IsFloat) Array.Copy(Floats, at + length, Floats, at, Count - at - length);
        else Array.Copy(Ints, at + length, Ints, at, Count - at - length);
        Count -= length;
    }

    /// <summary>Elements i, i+step, ... (length of them) as a new array.</summary>
    public ArrayData Slice(long start, long step, long length)
    {
        var r = new ArrayData(Code);
        r.Reserve((int)length);
        for (long k = 0; k < length; k++)
        {
            int i = (int)(start + k * step);
            if (IsFloat) r.Floats[k] = Floats[i]; else r.Ints[k] = Ints[i];
        }
        r.Count = (int)length;
        return r;
    }

    public Value[] ToValues()
    {
        var a = new Value[Count];
        for (int i = 0; i < Count; i++) a[i] = Get(i);
        return a;
    }
}

public static class ArrayType
{
#pragma warning disable CS8618 // set by Create
    public static ClassObject Class;
    static ClassObject iteratorClass;
#pragma warning restore CS8618
    const string Codes = "bBuhHiIlLqQfd";

    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("array"));
        Class = NativeInstances.MakeClass("array", "array");
        iteratorClass = NativeInstances.MakeClass("array", "arrayiterator");
        Class.Dict["__hash__"] = Value.None;
        Class.Ctor = static (in Args a) =>
        {
            a.NoKw("array");
            if (a.Count < 1 || a.Count > 2) throw Errors.Type($"array() takes at most 2 arguments ({a.Count} given)");
            if (!a[0].Is(ObjectKind.Str) || Strs.Get(a[0]).Length != 1)
                throw Errors.Type($"array() argument 1 must be a unicode character, not {Types.NameOf(a[0])}");
            char code = Strs.Get(a[0])[0];
            if (!Codes.Contains(code))
                throw Errors.ValueErr("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
            var d = new ArrayData(code);
            if (a.Count == 2)
            {
                if (code == 'u' && a[1].Is(ObjectKind.Str)) foreach (var ch in Protocols.ToList(a[1])) d.Append(ch);
                else if (a[1].Is(ObjectKind.Str))
                    throw Errors.Type($"cannot use a str to initialize an array with typecode '{code}'");
                else if (IsArray(a[1])) Extend(d, Data(a[1]), "array");
                else foreach (var v in Protocols.ToList(a[1])) d.Append(v);
            }
            return New(d);
        };
        m.Value("array", Class.Self);
        m.Value("ArrayType", Class.Self);
        m.Value("typecodes", Strs.New(Codes));
        Register(new TypeBuilder(Class));
        return m.Module;
    }

    static Value New(ArrayData d) => NativeInstances.New(Class, d);
    static bool IsArray(Value v) => v.Is(ObjectKind.Instance) && Types.Of(v).IsSubclassOf(Class);
    static ArrayData Data(Value v) => NativeInstances.Self<ArrayData>(v, Class, "array");

    static void Extend(ArrayData d, ArrayData other, string what)
    {
        if (other.Code != d.Code) throw Errors.Type("can only extend with array of same kind");
        d.InsertRange(d.Count, other, 0, other.Count);
    }

    public static double ToDouble(char code, Value v)
    {
        double x;
        if (v.IsFloat) x = v.AsFloat;
        else if (Ints.IsIntLike(v)) x = Ints.ToDouble(v);
        else if (Arith.IsUser(v) && Types.Of(v).Lookup("__float__") is { IsEmpty: false } toFloat)
            x = Calls.CallMethod(toFloat, v).AsFloat;
        else throw Errors.Type($"must be real number, not {Types.NameOf(v)}");
        return code == 'f' ? (float)x : x;
    }

    public static long ToLong(char code, Value v)
    {
        if (code == 'u')
        {
            if (!v.Is(ObjectKind.Str) || Strs.Obj_(v).Length != 1)
                throw Errors.Type("array item must be unicode character");
            return char.ConvertToUtf32(Strs.Get(v), 0);
        }
        if (!Ints.IsIntLike(v))
        {
            var index = Arith.IsUser(v) ? Types.Of(v).Lookup("__index__") : Value.Empty;
            if (index.IsEmpty) throw Errors.Type($"'{Types.NameOf(v)}' object cannot be interpreted as an integer");
            v = Calls.CallMethod(index, v);
        }
        var n = Ints.ToBig(v);
        (BigInteger lo, BigInteger hi, string name) = code switch
        {
            'b' => (sbyte.MinValue, sbyte.MaxValue, "signed char"),
            'B' => (byte.MinValue, byte.MaxValue, "unsigned byte integer"),
            'h' => (short.MinValue, short.MaxValue, "signed short integer"),
            'H' => (ushort.MinValue, ushort.MaxValue, "unsigned short"),
            'i' => (int.MinValue, int.MaxValue, "signed integer"),
            'I' => (uint.MinValue, uint.MaxValue, "unsigned int"),
            _ => (BigInteger.Zero, BigInteger.Zero, ""),
        };
        if (name.Length > 0)
        {
            if (code == 'I' && n < 0) throw Errors.Overflow("can't convert negative value to unsigned int");
            if (n > hi) throw Errors.Overflow($"{name} is greater than maximum");
            if (n < lo) throw Errors.Overflow($"{name} is less than minimum");
            return (long)n;
        }
        switch (code)
        {
            case 'l':
                if (n > long.MaxValue || n < long.MinValue)
                    throw Errors.Overflow("Python int too large to convert to C long");
                return (long)n;
            case 'L':
                if (n < 0) throw Errors.Overflow("can't convert negative value to unsigned int");
                if (n > ulong.MaxValue) throw Errors.Overflow("Python int too large to convert to C unsigned long");
                return (long)(ulong)n;
            case 'q':
                if (n > long.MaxValue || n < long.MinValue) throw Errors.Overflow("int too big to convert");
                return (long)n;
            default: // 'Q'
                if (n < 0) throw Errors.Overflow("can't convert negative int to unsigned");
                if (n > ulong.MaxValue) throw Errors.Overflow("int too big to convert");
                return (long)(ulong)n;
        }
    }

    static int Index(ArrayData d, Value key)
    {
        long i;
        if (key.IsInt || key.IsBool) i = key.Payload;
        else if (Ints.IsBig(key)) throw Errors.Index("cannot fit 'int' into an index-sized integer");
        else throw Errors.Type("array indices must be integers");
        if (i < 0) i += d.Count;
        if (i < 0 || i >= d.Count) throw Errors.Index("array index out of range");
        return (int)i;
    }

    static void Register(TypeBuilder t)
    {
        NativeInstances.Getter(Class, "typecode", static (in Args a) => Strs.New(Data(a[0]).Code.ToString()));
        NativeInstances.Getter(Class, "itemsize", static (in Args a) => Value.Int(Data(a[0]).Code switch
        {
            'b' or 'B' => 1, 'h' or 'H' => 2, 'i' or 'I' or 'f' or 'u' => 4, _ => 8,
        }));
        t.Method("__len__", static (in Args a) => Value.Int(Data(a[0]).Count));
        t.Method("__getitem__", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (a[1].Is(ObjectKind.Slice))
            {
                var (start, _, step, length) = Items.SliceIndices(Slices.Get(a[1]), d.Count);
                return New(d.Slice(start, step, length));
            }
            return d.Get(Index(d, a[1]));
        });
        t.Method("__setitem__", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (a[1].Is(ObjectKind.Slice))
            {
                if (!IsArray(a[2]))
                    throw Errors.Type($"can only assign array (not \"{Types.NameOf(a[2])}\") to array slice");
                var src = Data(a[2]);
                if (src.Code != d.Code) throw Errors.Type("bad argument type for built-in operation");
                var (start, stop, step, length) = Items.SliceIndices(Slices.Get(a[1]), d.Count);
                if (step == 1)
                {
                    var copy = src == d ? src.Copy() : src;
                    d.RemoveRange((int)start, (int)Math.Max(0, stop - start));
                    d.InsertRange((int)start, copy, 0, copy.Count);
                    return Value.None;
                }
                if (src.Count != length)
                    throw Errors.ValueErr($"attempt to assign array of size {src.Count} to extended slice of size "
                        + $"{length}");
                var values = src.ToValues();
                for (long k = 0; k < length; k++) d.Set((int)(start + k * step), values[k]);
                return Value.None;
            }
            d.Set(Index(d, a[1]), a[2]);
            return Value.None;
        });
        t.Method("__delitem__", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (a[1].Is(ObjectKind.Slice))
            {
                var (start, _, step, length) = Items.SliceIndices(Slices.Get(a[1]), d.Count);
                var keep = Enumerable.Range(0, d.Count).Where(i => !InSlice(i, start, step, length)).ToArray();
                var values = keep.Select(d.Get).ToArray();
                d.Count = 0;
                foreach (var v in values) d.Append(v);
                return Value.None;
            }
            d.RemoveRange(Index(d, a[1]), 1);
            return Value.None;
        });
        t.Method("__contains__", static (in Args a) =>
        {
            var d = Data(a[0]);
            for (int i = 0; i < d.Count; i++) if (Protocols.EqualsForContainer(d.Get(i), a[1])) return Value.True;
            return Value.False;
        });
        t.Method("__iter__", static (in Args a) => Iterators.New(new ArrayIterator(a[0], Data(a[0]))));
        t.Method("__repr__", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (d.Count == 0) return Strs.New($"array('{d.Code}')");
            if (d.Code == 'u') return Strs.New($"array('u', "
                + $"{Repr.Of(Strs.New(string.Concat(d.ToValues().Select(Strs.Get))))})");
            return Strs.New($"array('{d.Code}', [{Repr.Join(d.ToValues())}])");
        });
        t.Method("__add__", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (!IsArray(a[1])) throw Errors.Type($"can only append array (not \"{Types.NameOf(a[1])}\") to array");
            var other = Data(a[1]);
            if (other.Code != d.Code) throw Errors.Type("bad argument type for built-in operation");
            var r = d.Copy();
            r.InsertRange(r.Count, other, 0, other.Count);
            return New(r);
        });
        t.Method("__iadd__", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (!IsArray(a[1])) throw Errors.Type($"can only extend array with array (not \"{Types.NameOf(a[1])}\")");
            Extend(d, Data(a[1]), "array");
            return a[0];
        });
        t.Method("__mul__", static (in Args a) => Repeat(a[0], a[1], inPlace: false));
        t.Method("__rmul__", static (in Args a) => Repeat(a[0], a[1], inPlace: false));
        t.Method("__imul__", static (in Args a) => Repeat(a[0], a[1], inPlace: true));
        t.Method("__copy__", static (in Args a) => New(Data(a[0]).Copy()));
        t.Method("__deepcopy__", static (in Args a) => New(Data(a[0]).Copy()));
        t.Method("append", static (in Args a) =>
        {
            a.Exactly(2, "append");
            Data(a[0]).Append(a[1]);
            return Value.None;
        });
        t.Method("extend", static (in Args a) =>
        {
            a.Exactly(2, "extend");
            var d = Data(a[0]);
            if (IsArray(a[1])) Extend(d, Data(a[1]), "array");
            else foreach (var v in Protocols.ToList(a[1])) d.Append(v);
            return Value.None;
        });
        t.Method("fromlist", static (in Args a) =>
        {
            a.Exactly(2, "fromlist");
            if (!a[1].Is(ObjectKind.List)) throw Errors.Type("arg must be list");
            var d = Data(a[0]);
            foreach (var v in Lists.Span(a[1]).ToArray()) d.Append(v);
            return Value.None;
        });
        t.Method("insert", static (in Args a) =>
        {
            if (a.Count != 3) throw Errors.Type($"insert expected 2 arguments, got {a.Count - 1}");
            var d = Data(a[0]);
            long i = Ints.ToLong(a[1]);
            if (i < 0) i = Math.Max(0, i + d.Count);
            i = Math.Min(i, d.Count);
            var one = new ArrayData(d.Code);
            one.Append(a[2]);
            d.InsertRange((int)i, one, 0, 1);
            return Value.None;
        });
        t.Method("pop", static (in Args a) =>
        {
            a.Range(1, 2, "pop");
            var d = Data(a[0]);
            long i = a.Count > 1 ? Ints.ToLong(a[1]) : -1; // converted first, as list.pop
            if (d.Count == 0) throw Errors.Index("pop from empty array");
            if (i < 0) i += d.Count;
            if (i < 0 || i >= d.Count) throw Errors.Index("pop index out of range");
            var v = d.Get((int)i);
            d.RemoveRange((int)i, 1);
            return v;
        });
        t.Method("remove", static (in Args a) =>
        {
            a.Exactly(2, "remove");
            var d = Data(a[0]);
            for (int i = 0; i < d.Count; i++)
                if (Protocols.EqualsForContainer(d.Get(i), a[1])) { d.RemoveRange(i, 1); return Value.None; }
            throw Errors.ValueErr("array.remove(x): x not in array");
        });
        t.Method("index", static (in Args a) =>
        {
            a.Range(2, 4, "index");
            var d = Data(a[0]);
            long start = a.Count > 2 ? Clamp(Ints.ToLong(a[2]), d.Count) : 0;
            long stop = a.Count > 3 ? Clamp(Ints.ToLong(a[3]), d.Count) : d.Count;
            for (long i = start; i < stop; i++)
                if (Protocols.EqualsForContainer(d.Get((int)i), a[1])) return Value.Int(i);
            throw Errors.ValueErr("array.index(x): x not in array");
        });
        t.Method("count", static (in Args a) =>
        {
            a.Exactly(2, "count");
            var d = Data(a[0]);
            long n = 0;
            for (int i = 0; i < d.Count; i++) if (Protocols.EqualsForContainer(d.Get(i), a[1])) n++;
            return Value.Int(n);
        });
        t.Method("reverse", static (in Args a) =>
        {
            var d = Data(a[0]);
            if (d.IsFloat) Array.Reverse(d.Floats, 0, d.Count); else Array.Reverse(d.Ints, 0, d.Count);
            return Value.None;
        });
        t.Method("tolist", static (in Args a) => Lists.FromSpan(Data(a[0]).ToValues()));
        string[] ops = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
        for (int op = 0; op < ops.Length; op++)
        {
            int kind = op;
            t.Method(ops[op], (in Args a) =>
            {
                if (!IsArray(a[1])) return Types.NotImplemented;
                var x = Lists.FromSpan(Data(a[0]).ToValues());
                using var root = TempRoots.Push(x);
                return Compare.Rich(kind, x, Lists.FromSpan(Data(a[1]).ToValues()));
            });
        }
    }

    static bool InSlice(int i, long start, long step, long length)
    {
        long offset = i - start;
        if (step < 0) { offset = -offset; step = -step; }
        return offset >= 0 && offset % step == 0 && offset / step < length;
    }

    static long Clamp(long i, long n)
    {
        if (i < 0) i = Math.Max(0, i + n);
        return Math.Min(i, n);
    }

    static Value Repeat(Value self, Value times, bool inPlace)
    {
        var d = Data(self);
        if (!Ints.IsIntLike(times)) return Types.NotImplemented;
        long n = Math.Max(0, Ints.ToLong(times));
        var r = new ArrayData(d.Code);
        for (long i = 0; i < n; i++) r.InsertRange(r.Count, d, 0, d.Count);
        if (!inPlace) return New(r);
        d.Count = 0;
        d.InsertRange(0, r, 0, r.Count);
        return self;
    }

    sealed class ArrayIterator(Value array, ArrayData data) : IteratorObject
    {
        int i;
        public override ClassObject Type => iteratorClass;
        public override Value Next() => i < data.Count ? data.Get(i++) : Value.Empty;
        public override void Trace() => Gc.Mark(array);
    }
}
