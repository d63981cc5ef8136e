// The math module.
using System.Numerics;
using Lbbv.Support;

namespace Lbbv.Runtime;

public static class MathModule
{
    static double D(in Args a, int i) => Ints.ToDouble(a[i]);

    static Value F(double r, bool domainCheck = true)
    {
        if (domainCheck && double.IsNaN(r)) throw Errors.ValueErr("math domain error");
        return Value.Float(r);
    }

    static Value Unary(in Args a, string name, Func<double, double> f)
    {
        a.Exactly(1, name);
        double x = D(a, 0);
        double r = f(x);
        if (double.IsNaN(r) && !double.IsNaN(x)) throw Errors.ValueErr("math domain error");
        if (double.IsInfinity(r) && !double.IsInfinity(x)) throw Errors.Overflow("math range error");
        return Value.Float(r);
    }

    public static ModuleObject Create()
    {
        var m = new ModuleBuilder(new ModuleObject("math"));
        m.Value("pi", Value.Float(Math.PI));
        m.Value("e", Value.Float(Math.E));
        m.Value("tau", Value.Float(Math.Tau));
        m.Value("inf", Value.Float(double.PositiveInfinity));
        m.Value("nan", Value.Float(PyFloat.PositiveNaN));
        m.Function("sqrt", static (in Args a) => Unary(a, "sqrt", Math.Sqrt));
        m.Function("sin", static (in Args a) => Unary(a, "sin", Math.Sin));
        m.Function("cos", static (in Args a) => Unary(a, "cos", Math.Cos));
        m.Function("tan", static (in Args a) => Unary(a, "tan", Math.Tan));
        m.Function("asin", static (in Args a) => Unary(a, "asin", Math.Asin));
        m.Function("acos", static (in Args a) => Unary(a, "acos", Math.Acos));
        m.Function("atan", static (in Args a) => Unary(a, "atan", Math.Atan));
        m.Function("sinh", static (in Args a) => Unary(a, "sinh", Math.Sinh));
        m.Function("cosh", static (in Args a) => Unary(a, "cosh", Math.Cosh));
        m.Function("tanh", static (in Args a) => Unary(a, "tanh", Math.Tanh));
        m.Function("exp", static (in Args a) => Unary(a, "exp", Math.Exp));
        m.Function("fabs", static (in Args a) => Unary(a, "fabs", Math.Abs));
        m.Function("atan2", static (in Args a) => { a.Exactly(2, "atan2"); return Value.Float(Math.Atan2(D(a, 0), D(a, 1))); });
        m.Function("hypot", static (in Args a) =>
        {
            double s = 0;
            if (a.Count == 2) return Value.Float(double.Hypot(D(a, 0), D(a, 1)));
            for (int i = 0; i < a.Count; i++) s += D(a, i) * D(a, i);
            return Value.Float(Math.Sqrt(s));
        });
        m.Function("pow", static (in Args a) =>
        {
            a.Exactly(2, "pow");
            double x = D(a, 0), y = D(a, 1);
            if (x == 0 && y < 0) throw Errors.ValueErr("math domain error");
            double r = Math.Pow(x, y);
            if (double.IsNaN(r) && !double.IsNaN(x) && !double.IsNaN(y)) throw Errors.ValueErr("math domain error");
            if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y)) throw Errors.Overflow("math range error");
            return Value.Float(r);
        });
        m.Function("log", static (in Args a) =>
        {
            a.Range(1, 2, "log");
            double r = LogOf(a[0], Math.Log);
            if (a.Count == 2) r /= LogOf(a[1], Math.Log);
            return Value.Float(r);
        });
        m.Function("log2", static (in Args a) => { a.Exactly(1, "log2"); return Value.Float(LogOf(a[0], Math.Log2)); });
        m.Function("log10", static (in Args a) => { a.Exactly(1, "log10"); return Value.Float(LogOf(a[0], Math.Log10)); });
        m.Function("floor", static (in Args a) => { a.Exactly(1, "floor"); return ToInt(a[0], Math.Floor, "__floor__"); });
        m.Function("ceil", static (in Args a) => { a.Exactly(1, "ceil"); return ToInt(a[0], Math.Ceiling, "__ceil__"); });
        m.Function("trunc", static (in Args a) => { a.Exactly(1, "trunc"); return ToInt(a[0], Math.Truncate, "__trunc__"); });
        m.Function("isqrt", static (in Args a) =>
        {
            a.Exactly(1, "isqrt");
            var n = Ints.ToBig(IntArg(a[0]));
            if (n.Sign < 0) throw Errors.ValueErr("isqrt() argument must be nonnegative");
            if (n.IsZero) return Value.Int(0);
            var x = (BigInteger)Math.Sqrt((double)n);
            while (x * x > n) x--;
            while ((x + 1) * (x + 1) <= n) x++;
            return Ints.FromBig(x);
        });
        m.Function("gcd", static (in Args a) =>
        {
            BigInteger g = 0;
            for (int i = 0; i < a.Count; i++) g = BigInteger.GreatestCommonDivisor(g, Ints.ToBig(IntArg(a[i])));
            return Ints.FromBig(g);
        });
        m.Function("factorial", static (in Args a) =>
        {
            a.Exactly(1, "factorial");
            long n = Ints.ToLong(IntArg(a[0]));
            if (n < 0) throw Errors.ValueErr("factorial() not defined for negative values");
            BigInteger r = 1;
            for (long i = 2; i <= n; i++) r *= i;
            return Ints.FromBig(r);
        });
        m.Function("isnan", static (in Args a) => { a.Exactly(1, "isnan"); return Value.Bool(double.IsNaN(D(a, 0))); });
        m.Function("isinf", static (in Args a) => { a.Exactly(1, "isinf"); return Value.Bool(double.IsInfinity(D(a, 0))); });
        m.Function("isfinite", static (in Args a) => { a.Exactly(1, "isfinite"); return Value.Bool(double.IsFinite(D(a, 0))); });
        m.Function("copysign", static (in Args a) => { a.Exactly(2, "copysign"); return Value.Float(Math.CopySign(D(a, 0), D(a, 1))); });
        m.Function("degrees", static (in Args a) => { a.Exactly(1, "degrees"); return Value.Float(D(a, 0) * (180.0 / Math.PI)); });
        m.Function("radians", static (in Args a) => { a.Exactly(1, "radians"); return Value.Float(D(a, 0) * (Math.PI / 180.0)); });
        m.Returns(Tag.Float, "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "fabs",
            "atan2", "hypot", "pow", "log", "log2", "log10", "copysign", "degrees", "radians");
        m.Returns(Tag.Bool, "isnan", "isinf", "isfinite");
        // Unary(f) where .NET's Math.f is C's: Math.Sin calls libm's sin, Math.Sqrt and Math.Abs
        // compute what libm's sqrt and fabs return (both exact).
        m.AppliesCFunction("sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "fabs");
        m.Function("fsum", static (in Args a) =>
        {
            // Shewchuk's exact summation as CPython's math.fsum
            var partials = new List<double>();
            foreach (var v in Protocols.ToList(a[0]))
            {
                double x = Ints.ToDouble(v);
                int i = 0;
                foreach (double p0 in partials.ToArray())
                {
                    double y = p0;
                    if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
                    double hi = x + y, lo = y - (hi - x);
                    if (lo != 0.0) partials[i++] = lo;
                    x = hi;
                }
                partials.RemoveRange(i, partials.Count - i);
                partials.Add(x);
            }
            double s = 0;
            for (int k = partials.Count - 1; k >= 0; k--) s += partials[k];
            return Value.Float(s);
        });
        return m.Module;
    }

    static double Positive(double x)
    {
        if (x <= 0 || double.IsNaN(x)) { if (double.IsNaN(x)) return x; throw Errors.ValueErr("math domain error"); }
        return x;
    }

    /// <summary>CPython's loghelper: an int takes the log of its value as a float (correctly
    /// rounded); one too large for a float, log(m) + log(2) * e from its frexp.</summary>
    static double LogOf(Value v, Func<double, double> log)
    {
        if (Ints.IsBig(v))
        {
            var b = Ints.ToBig(v);
            if (b.Sign <= 0) throw Errors.ValueErr("math domain error");
            if (Lbbv.Support.PyInt.TryToDouble(b, out double x)) return log(x);
            double mantissa = Lbbv.Support.PyInt.Frexp(b, out long e);
            return log(mantissa) + log(2.0) * e;
        }
        return log(Positive(Ints.ToDouble(v)));
    }

    static Value IntArg(Value v)
    {
        if (Ints.IsIntLike(v)) return v;
        if (v.IsFloat) throw Errors.Type("'float' object cannot be interpreted as an integer");
        throw Errors.Type($"'{Types.NameOf(v)}' object cannot be interpreted as an integer");
    }

    static Value ToInt(Value v, Func<double, double> f, string dunder)
    {
        if (Ints.IsIntLike(v)) return v.IsBool ? Value.Int(v.Payload) : v;
        if (v.IsFloat)
        {
            double d = v.AsFloat;
            if (double.IsNaN(d)) throw Errors.ValueErr("cannot convert float NaN to integer");
            if (double.IsInfinity(d)) throw Errors.Overflow("cannot convert float infinity to integer");
            double r = f(d);
            if (PyInt.TryFromDouble(r, out long l)) return Value.Int(l);
            return Ints.FromBig(PyInt.FromDouble(r));
        }
        if (Arith.IsUser(v))
        {
            var m = Types.Of(v).Lookup(dunder);
            if (!m.IsEmpty) return Calls.CallMethod(m, v);
        }
        throw Errors.Type($"must be real number, not {Types.NameOf(v)}");
    }
}
