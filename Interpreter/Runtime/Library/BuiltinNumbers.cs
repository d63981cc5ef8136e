// Numeric builtins: abs, round, divmod, pow, hex, oct, bin, ord, chr.
using System.Runtime.CompilerServices;
using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class BuiltinNumbers
{
    public static void Register(ModuleBuilder m)
    {
        m.Function("abs", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(1, "abs");
            var v = a[0];
            if (v.IsInt) return v.Payload == long.MinValue ? Ints.FromBig(-(BigInteger)v.Payload) : Value.Int(Math.Abs(v.Payload));
            if (v.IsBool) return Value.Int(v.Payload);
            if (v.IsFloat) return Value.Float(Math.Abs(v.AsFloat));
            if (Ints.IsBig(v)) return Ints.FromBig(BigInteger.Abs(Ints.ToBig(v)));
            if (Arith.IsUser(v))
            {
                var mm = Types.Of(v).Lookup("__abs__");
                if (!mm.IsEmpty) return Calls.CallMethod(mm, v);
            }
            throw Errors.Type($"bad operand type for abs(): '{Types.NameOf(v)}'");
        });
        m.Function("round", Round);
        m.Function("divmod", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(2, "divmod");
            Value x = a[0], y = a[1];
            if (Ints.IsIntLike(x) && Ints.IsIntLike(y))
                return Tuples.Of(Arith.Binary(Arith.FloorDiv, x, y), Arith.Binary(Arith.Mod, x, y));
            if (Ints.IsNumber(x) && Ints.IsNumber(y))
            {
                var (q, r) = PyFloat.DivMod(Ints.ToDouble(x), Ints.ToDouble(y));
                return Tuples.Of(Value.Float(q), Value.Float(r));
            }
            if (Arith.IsUser(x))
            {
                var mm = Types.Of(x).Lookup("__divmod__");
                if (!mm.IsEmpty) return Calls.CallMethod(mm, x, y);
            }
            throw Errors.Type($"unsupported operand type(s) for divmod(): '{Types.NameOf(x)}' and '{Types.NameOf(y)}'");
        });
        m.Function("pow", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.AllowKw("pow", "base", "exp", "mod");
            if (a.Count < 2 || a.Count > 3) throw Errors.Type($"pow expected at least 2 arguments, got {a.Count}");
            if (a.Count == 3 && !a[2].IsNone)
            {
                if (!Ints.IsIntLike(a[0]) || !Ints.IsIntLike(a[1]) || !Ints.IsIntLike(a[2]))
                    throw Errors.Type("pow() 3rd argument not allowed unless all arguments are integers");
                return Ints.FromBig(PyInt.PowMod(Ints.ToBig(a[0]), Ints.ToBig(a[1]), Ints.ToBig(a[2])));
            }
            return Arith.Binary(Arith.Pow, a[0], a[1]);
        });
        m.Function("hex", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "hex"); return Strs.New(Radix(a[0], 16, "0x")); });
        m.Function("oct", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "oct"); return Strs.New(Radix(a[0], 8, "0o")); });
        m.Function("bin", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) => { a.Exactly(1, "bin"); return Strs.New(Radix(a[0], 2, "0b")); });
        m.Function("ord", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(1, "ord");
            if (!a[0].Is(ObjectKind.Str)) throw Errors.Type($"ord() expected string of length 1, but {Types.NameOf(a[0])} found");
            var s = Strs.Obj_(a[0]);
            int n = s.Length;
            if (n != 1) throw Errors.Type($"ord() expected a character, but string of length {n} found");
            return Value.Int(char.ConvertToUtf32(s.V, 0));
        });
        m.Function("chr", [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (in Args a) =>
        {
            a.Exactly(1, "chr");
            if (!Ints.IsIntLike(a[0])) throw Errors.Type($"'{Types.NameOf(a[0])}' object cannot be interpreted as an integer");
            // CPython converts the argument to a C int first: out of its range is an OverflowError.
            const string TooLarge = "Python int too large to convert to C int";
            long c = Ints.ToLong(a[0], TooLarge);
            if (c < int.MinValue || c > int.MaxValue) throw Errors.Overflow(TooLarge);
            if (c < 0 || c > 0x10FFFF) throw Errors.ValueErr("chr() arg not in range(0x110000)");
            if (c >= 0xD800 && c <= 0xDFFF) return Strs.New(((char)c).ToString());
            return Strs.New(char.ConvertFromUtf32((int)c));
        });
    }

    static string Radix(Value v, int radix, string prefix)
    {
        if (!Ints.IsIntLike(v))
        {
            if (Arith.IsUser(v) && !Types.Of(v).Lookup("__index__").IsEmpty) v = Calls.CallMethod(Types.Of(v).Lookup("__index__"), v);
            else throw Errors.Type($"'{Types.NameOf(v)}' object cannot be interpreted as an integer");
        }
        var b = Ints.ToBig(v);
        _ = prefix;
        return PyInt.ToString(b, radix);
    }

    static Value Round(in Args a)
    {
        a.AllowKw("round", "number", "ndigits");
        Value x = a.Count > 0 ? a[0] : a.Kw("number");
        Value nd = a.Count > 1 ? a[1] : a.Kw("ndigits");
        if (x.IsEmpty) throw Errors.Type("round() missing required argument 'number' (pos 1)");
        bool hasNd = !nd.IsEmpty && !nd.IsNone;
        if (x.IsFloat)
        {
            if (!hasNd)
            {
                double d = x.AsFloat;
                if (double.IsNaN(d)) throw Errors.ValueErr("cannot convert float NaN to integer");
                if (double.IsInfinity(d)) throw Errors.Overflow("cannot convert float infinity to integer");
                return Ints.FromBig(PyFloat.RoundToInt(d));
            }
            return Value.Float(PyFloat.Round(x.AsFloat, Ints.ToLong(nd)));
        }
        if (Ints.IsIntLike(x))
        {
            if (!hasNd) return x.IsBool ? Value.Int(x.Payload) : x;
            long n = Ints.ToLong(nd);
            if (n >= 0) return x.IsBool ? Value.Int(x.Payload) : x;
            var p = BigInteger.Pow(10, (int)Math.Min(-n, 400));
            var v = Ints.ToBig(x);
            var q = PyInt.FloorDiv(v, p);
            var r = v - q * p;
            var twice = r * 2;
            if (twice > p || (twice == p && !q.IsEven)) q += 1;
            return Ints.FromBig(q * p);
        }
        if (Arith.IsUser(x))
        {
            var mm = Types.Of(x).Lookup("__round__");
            if (!mm.IsEmpty) return hasNd ? Calls.CallMethod(mm, x, nd) : Calls.CallMethod(mm, x);
        }
        throw Errors.Type($"type {Types.NameOf(x)} doesn't define __round__ method");
    }
}
