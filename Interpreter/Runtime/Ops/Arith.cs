// Binary and unary operators with CPython's numeric semantics and binary_op1 dunder dispatch.
using System.Runtime.CompilerServices;
using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class Arith
{
    // BinOpKind order: Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
    public const int Add = 0, Sub = 1, Mult = 2, MatMult = 3, Div = 4, Mod = 5, Pow = 6, LShift = 7, RShift = 8,
        BitOr = 9, BitXor = 10, BitAnd = 11, FloorDiv = 12;
    public const int Inplace = 16;

    static readonly string[] Symbols = ["+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"];
    static readonly string[] Names = ["add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or", "xor", "and", "floordiv"];
    static readonly string[] Dunders = Names.Select(n => $"__{n}__").ToArray();
    static readonly string[] RDunders = Names.Select(n => $"__r{n}__").ToArray();
    static readonly string[] IDunders = Names.Select(n => $"__i{n}__").ToArray();

    /// <summary>a op b (arg as in the BinaryOp instruction: kind, +16 for the in-place form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Binary(int arg, Value a, Value b)
    {
        int kind = arg & 15;
        // str + str (plain or in place: str is immutable) skips the generic dispatch.
        if (kind == Add && a.Is(ObjectKind.Str) && b.Is(ObjectKind.Str))
            return Strs.New(string.Concat(Strs.Get(a), Strs.Get(b)));
        bool inplace = (arg & Inplace) != 0;
        if (inplace)
        {
            if (IsUser(a))
            {
                var m = Types.Of(a).Lookup(IDunders[kind]);
                if (!m.IsEmpty)
                {
                    var r = Calls.CallMethod(m, a, b);
                    if (!r.Same(Types.NotImplemented)) return r;
                }
            }
            // list += x and list *= x: an instance's __radd__/__rmul__ comes first (CPython's
            // binary_iop1), then list's own in-place concat or repeat.
            else if (a.Is(ObjectKind.List) && kind is Add or Mult && IsUser(b)
                && BinaryOp1(kind, a, b) is var reflected && !reflected.Same(Types.NotImplemented))
                return reflected;
            else if (a.Is(ObjectKind.List) && kind == Add)
            {
                Lists_Extend(a, b);
                return a;
            }
            else if (a.Is(ObjectKind.List) && kind == Mult) return Seqs.ListRepeatInplace(a, b);
            else if (a.Is(ObjectKind.Set) && Sets.IsSet(b) && kind is BitOr or BitAnd or Sub or BitXor)
                return SetOps.Inplace(kind, a, b);
            else if (a.Is(ObjectKind.Dict) && kind == BitOr) { DictOps.Update(a, b); return a; }
        }
        var res = BinaryOp1(kind, a, b);
        if (!res.Same(Types.NotImplemented)) return res;
        if (kind == Add && a.Is(ObjectKind.Str))
            throw Errors.Type($"can only concatenate str (not \"{Types.NameOf(b)}\") to str");
        // A list, tuple or str on the left whose operand's class (user classes too) did not handle the
        // operator: CPython's sq_concat / sq_repeat report it.
        if (kind == Add && (a.Is(ObjectKind.List) || a.Is(ObjectKind.Tuple)))
            throw Errors.Type($"can only concatenate {Types.NameOf(a)} (not \"{Types.NameOf(b)}\") to {Types.NameOf(a)}");
        if (kind == Mult && (IsSeq(a) && !Ints.IsIntLike(b) || IsSeq(b) && !Ints.IsIntLike(a)))
            throw Errors.Type($"can't multiply sequence by non-int of type '{Types.NameOf(IsSeq(a) ? b : a)}'");
        string sym = Symbols[kind] + (inplace && kind != Pow ? "=" : "");
        if (inplace && kind == Pow) sym = "**=";
        throw Errors.Type($"unsupported operand type(s) for {sym}: '{Types.NameOf(a)}' and '{Types.NameOf(b)}'");
    }

    static bool IsSeq(Value v) => v.Is(ObjectKind.Str) || v.Is(ObjectKind.List) || v.Is(ObjectKind.Tuple);

    static void Lists_Extend(Value list, Value other) => ListOps.Extend(list, other);

    public static bool IsUser(Value v) => v.IsObject && (v.Kind == ObjectKind.Instance || v.Kind == ObjectKind.Exception);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static Value BinaryOp1(int kind, Value a, Value b)
    {
        bool ua = IsUser(a), ub = IsUser(b);
        if (!ua && !ub) return Native(kind, a, b);
        var ta = Types.Of(a);
        var tb = Types.Of(b);
        bool triedB = false;
        Value r;
        if (ub && tb != ta && tb.IsSubclassOf(ta))
        {
            var m = tb.Lookup(RDunders[kind]);
            if (!m.IsEmpty && (ta.Lookup(RDunders[kind]) is var mo) && !mo.Same(m))
            {
                r = Calls.CallMethod(m, b, a);
                if (!r.Same(Types.NotImplemented)) return r;
                triedB = true;
            }
        }
        if (ua)
        {
            var m = ta.Lookup(Dunders[kind]);
            if (!m.IsEmpty)
            {
                r = Calls.CallMethod(m, a, b);
                if (!r.Same(Types.NotImplemented)) return r;
            }
        }
        else
        {
            r = Native(kind, a, b);
            if (!r.Same(Types.NotImplemented)) return r;
        }
        if (!triedB && tb != ta)
        {
            if (ub)
            {
                var m = tb.Lookup(RDunders[kind]);
                if (!m.IsEmpty)
                {
                    r = Calls.CallMethod(m, b, a);
                    if (!r.Same(Types.NotImplemented)) return r;
                }
            }
            else
            {
                r = Native(kind, a, b);
                if (!r.Same(Types.NotImplemented)) return r;
            }
        }
        return Types.NotImplemented;
    }

    /// <summary>The builtin types' implementation, or NotImplemented.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Native(int kind, Value a, Value b)
    {
        if (a.IsBool && b.IsBool && kind is BitAnd or BitOr or BitXor)
            return Value.Bool(kind == BitAnd ? (a.Payload & b.Payload) != 0 : kind == BitOr ? (a.Payload | b.Payload) != 0 : (a.Payload ^ b.Payload) != 0);
        bool ia = Ints.IsIntLike(a), ib = Ints.IsIntLike(b);
        if (ia && ib)
        {
            if (!a.IsObject && !b.IsObject) return IntOp(kind, a.Payload, b.Payload);
            return BigOp(kind, Ints.ToBig(a), Ints.ToBig(b));
        }
        if ((a.IsFloat || ia) && (b.IsFloat || ib))
        {
            if (kind is LShift or RShift or BitOr or BitXor or BitAnd or MatMult) return Types.NotImplemented;
            return FloatOp(kind, Ints.ToDouble(a), Ints.ToDouble(b));
        }
        if (!a.IsObject && !b.IsObject) return Types.NotImplemented;
        return Seqs.Binary(kind, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value IntOp(int kind, long x, long y)
    {
        long r;
        switch (kind)
        {
            case Add: r = x + y; if (((x ^ r) & (y ^ r)) < 0) return Ints.FromBig((BigInteger)x + y); return Value.Int(r);
            case Sub: r = x - y; if (((x ^ y) & (x ^ r)) < 0) return Ints.FromBig((BigInteger)x - y); return Value.Int(r);
            case Mult:
                {
                    long hi = Math.BigMul(x, y, out long lo);
                    if (hi != (lo >> 63)) return Ints.FromBig((BigInteger)x * y);
                    return Value.Int(lo);
                }
            case Div: if (y == 0) throw Errors.ZeroDiv("division by zero"); return Value.Float(PyInt.TrueDivide(x, y));
            case FloorDiv: return PyInt.FloorDiv(x, y, out r) ? Value.Int(r) : Ints.FromBig(-(BigInteger)x);
            case Mod: return Value.Int(PyInt.Mod(x, y));
            case Pow:
                if (y < 0) return Value.Float(PyInt.PowNegative(x, y));
                return PyInt.TryPow(x, y, out r) ? Value.Int(r) : Ints.FromBig(PyInt.Pow(x, y));
            case LShift:
                if (y < 0) throw Errors.ValueErr("negative shift count");
                return PyInt.TryLeftShift(x, y, out r) ? Value.Int(r) : Ints.FromBig(PyInt.LeftShift(x, y));
            case RShift:
                if (y < 0) throw Errors.ValueErr("negative shift count");
                return Value.Int(PyInt.RightShift(x, y));
            case BitOr: return Value.Int(x | y);
            case BitXor: return Value.Int(x ^ y);
            case BitAnd: return Value.Int(x & y);
        }
        return Types.NotImplemented;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value BigOp(int kind, BigInteger x, BigInteger y)
    {
        switch (kind)
        {
            case Add: return Ints.FromBig(x + y);
            case Sub: return Ints.FromBig(x - y);
            case Mult: return Ints.FromBig(x * y);
            case Div: if (y.IsZero) throw Errors.ZeroDiv("division by zero"); return Value.Float(PyInt.TrueDivide(x, y));
            case FloorDiv: return Ints.FromBig(PyInt.FloorDiv(x, y));
            case Mod: return Ints.FromBig(PyInt.Mod(x, y));
            case Pow: return y.Sign < 0 ? Value.Float(PyInt.PowNegative(x, y)) : Ints.FromBig(PyInt.Pow(x, y));
            case LShift: if (y.Sign < 0) throw Errors.ValueErr("negative shift count"); return Ints.FromBig(PyInt.LeftShift(x, y));
            case RShift: if (y.Sign < 0) throw Errors.ValueErr("negative shift count"); return Ints.FromBig(PyInt.RightShift(x, y));
            case BitOr: return Ints.FromBig(x | y);
            case BitXor: return Ints.FromBig(x ^ y);
            case BitAnd: return Ints.FromBig(x & y);
        }
        return Types.NotImplemented;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value FloatOp(int kind, double x, double y)
    {
        switch (kind)
        {
            case Add: return Value.Float(x + y);
            case Sub: return Value.Float(x - y);
            case Mult: return Value.Float(x * y);
            case Div: return Value.Float(PyFloat.TrueDivide(x, y));
            case FloorDiv: return Value.Float(PyFloat.FloorDiv(x, y));
            case Mod: return Value.Float(PyFloat.Mod(x, y));
            case Pow: return Value.Float(PyFloat.Pow(x, y));
        }
        return Types.NotImplemented;
    }

    public static Value Negative(Value v)
    {
        if (v.IsInt) return v.Payload == long.MinValue ? Ints.FromBig(-(BigInteger)v.Payload) : Value.Int(-v.Payload);
        if (v.IsBool) return Value.Int(-v.Payload);
        if (v.IsFloat) return Value.Float(-v.AsFloat);
        if (Ints.IsBig(v)) return Ints.FromBig(-Ints.ToBig(v));
        return Unary(v, "__neg__", "-");
    }

    public static Value Positive(Value v)
    {
        if (v.IsInt || v.IsFloat || Ints.IsBig(v)) return v;
        if (v.IsBool) return Value.Int(v.Payload);
        return Unary(v, "__pos__", "+");
    }

    public static Value Invert(Value v)
    {
        if (v.IsInt || v.IsBool) return Value.Int(~v.Payload);
        if (Ints.IsBig(v)) return Ints.FromBig(-Ints.ToBig(v) - 1);
        return Unary(v, "__invert__", "~");
    }

    static Value Unary(Value v, string dunder, string sym)
    {
        if (IsUser(v))
        {
            var m = Types.Of(v).Lookup(dunder);
            if (!m.IsEmpty) return Calls.CallMethod(m, v);
        }
        throw Errors.Type($"bad operand type for unary {sym}: '{Types.NameOf(v)}'");
    }
}
