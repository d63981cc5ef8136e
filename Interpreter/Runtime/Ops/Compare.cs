// Rich comparisons (CPython's do_richcompare) for builtin types and user dunders.
using System.Runtime.CompilerServices;
using System.Numerics;

namespace Lbbv.Runtime;

public static class Compare
{
    // CmpOpKind order: Eq, NotEq, Lt, LtE, Gt, GtE
    public const int Eq = 0, Ne = 1, Lt = 2, Le = 3, Gt = 4, Ge = 5;
    static readonly string[] Dunders = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    static readonly int[] Swapped = [Eq, Ne, Gt, Ge, Lt, Le];
    static readonly string[] Symbols = ["==", "!=", "<", "<=", ">", ">="];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Rich(int op, Value a, Value b)
    {
        bool ua = Arith.IsUser(a), ub = Arith.IsUser(b);
        Value r;
        if (!ua && !ub)
        {
            r = Native(op, a, b);
            if (!r.Same(Types.NotImplemented)) return r;
        }
        else
        {
            var ta = Types.Of(a);
            var tb = Types.Of(b);
            bool checkedReverse = false;
            if (ub && ta != tb && tb.IsSubclassOf(ta))
            {
                var m = tb.Lookup(Dunders[Swapped[op]]);
                if (!m.IsEmpty)
                {
                    checkedReverse = true;
                    r = Calls.CallMethod(m, b, a);
                    if (!r.Same(Types.NotImplemented)) return r;
                }
            }
            r = ua ? CallUser(ta, op, a, b) : Native(op, a, b);
            if (!r.Same(Types.NotImplemented)) return r;
            if (!checkedReverse)
            {
                r = ub ? CallUser(tb, Swapped[op], b, a) : Native(Swapped[op], b, a);
                if (!r.Same(Types.NotImplemented)) return r;
            }
        }
        if (op == Eq) return Value.Bool(a.Same(b));
        if (op == Ne) return Value.Bool(!a.Same(b));
        throw Errors.Type($"'{Symbols[op]}' not supported between instances of '{Types.NameOf(a)}' and '{Types.NameOf(b)}'");
    }

    static Value CallUser(ClassObject cls, int op, Value self, Value other)
    {
        var m = cls.Lookup(Dunders[op]);
        if (!m.IsEmpty) return Calls.CallMethod(m, self, other);
        if (op == Ne)
        {
            // object.__ne__: invert __eq__ unless NotImplemented
            var eq = cls.Lookup("__eq__");
            if (!eq.IsEmpty)
            {
                var r = Calls.CallMethod(eq, self, other);
                if (r.Same(Types.NotImplemented)) return r;
                return Value.Bool(!Protocols.IsTrue(r));
            }
        }
        return Types.NotImplemented;
    }

    static bool Test(int op, int c) => op switch
    {
        Eq => c == 0, Ne => c != 0, Lt => c < 0, Le => c <= 0, Gt => c > 0, _ => c >= 0,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Value Native(int op, Value a, Value b)
    {
        // numbers
        if (Ints.IsNumber(a) && Ints.IsNumber(b))
        {
            if (!a.IsObject && !b.IsObject && !a.IsFloat && !b.IsFloat) return Value.Bool(Test(op, a.Payload.CompareTo(b.Payload)));
            if (a.IsFloat || b.IsFloat)
            {
                double x, y;
                if (a.IsFloat && b.IsFloat) { x = a.AsFloat; y = b.AsFloat; }
                else if (a.IsFloat) return FloatIntCompare(op, a.AsFloat, Ints.ToBig(b));
                else return FloatIntCompare(Swapped[op], b.AsFloat, Ints.ToBig(a));
                return Value.Bool(op switch
                {
                    Eq => x == y, Ne => x != y, Lt => x < y, Le => x <= y, Gt => x > y, _ => x >= y,
                });
            }
            return Value.Bool(Test(op, Ints.ToBig(a).CompareTo(Ints.ToBig(b))));
        }
        if (!a.IsObject || !b.IsObject)
        {
            if (a.IsNone && b.IsNone && op is Eq or Ne) return Value.Bool(op == Eq);
            return Types.NotImplemented;
        }
        var ka = a.Kind;
        var kb = b.Kind;
        if (ka == ObjectKind.Str && kb == ObjectKind.Str)
            return Value.Bool(Test(op, string.CompareOrdinal(Strs.Get(a), Strs.Get(b))));
        if ((ka == ObjectKind.List && kb == ObjectKind.List) || (ka == ObjectKind.Tuple && kb == ObjectKind.Tuple))
            return SeqCompare(op, a, b);
        if (ka == ObjectKind.Dict && kb == ObjectKind.Dict)
        {
            if (op is not (Eq or Ne)) return Types.NotImplemented;
            return Value.Bool(DictEquals(a, b) == (op == Eq));
        }
        if (Sets.IsSet(a) && Sets.IsSet(b)) return SetCompare(op, Sets.Get(a), Sets.Get(b));
        if (ka == ObjectKind.Other && DictViewOps.IsSetLike(a)) return DictViewOps.Compare(op, a, b);
        if (kb == ObjectKind.Other && DictViewOps.IsSetLike(b)) return DictViewOps.Compare(Swapped[op], b, a);
        if (ka == ObjectKind.Range && kb == ObjectKind.Range && op is Eq or Ne)
        {
            var x = Ranges.Get(a); var y = Ranges.Get(b);
            bool same = x.Length == y.Length && (x.Length == 0 || x.Start == y.Start && (x.Length == 1 || x.Step == y.Step));
            return Value.Bool(same == (op == Eq));
        }
        if (op is Eq or Ne && a.Same(b)) return Value.Bool(op == Eq);
        return Types.NotImplemented;
    }

    static Value FloatIntCompare(int op, double x, BigInteger y)
    {
        if (double.IsNaN(x)) return Value.Bool(op == Ne);
        if (double.IsInfinity(x)) return Value.Bool(Test(op, x > 0 ? 1 : -1));
        // exact comparison: compare floor and fraction
        double fl = Math.Floor(x);
        var bi = new BigInteger(fl);
        int c = bi.CompareTo(y);
        if (c == 0 && x != fl) c = 1;
        return Value.Bool(Test(op, c));
    }

    static unsafe Value SeqCompare(int op, Value a, Value b)
    {
        bool isList = a.Kind == ObjectKind.List;
        long na = isList ? Lists.Count(a) : Tuples.Count(a);
        long nb = isList ? Lists.Count(b) : Tuples.Count(b);
        if (op is Eq or Ne && na != nb) return Value.Bool(op == Ne);
        long i = 0;
        for (; ; i++)
        {
            // lists can change during comparison; re-read lengths and items
            na = isList ? Lists.Count(a) : Tuples.Count(a);
            nb = isList ? Lists.Count(b) : Tuples.Count(b);
            if (i >= na || i >= nb) break;
            Value x = isList ? Lists.P(a)->Items[i] : Tuples.Items(a)[i];
            Value y = isList ? Lists.P(b)->Items[i] : Tuples.Items(b)[i];
            if (!Protocols.EqualsForContainer(x, y))
            {
                if (op == Eq) return Value.False;
                if (op == Ne) return Value.True;
                return Rich(op, x, y);
            }
        }
        return Value.Bool(Test(op, na.CompareTo(nb)));
    }

    static bool DictEquals(Value a, Value b)
    {
        var x = Dicts.Get(a); var y = Dicts.Get(b);
        if (x.Count != y.Count) return false;
        foreach (var (k, v) in x.Items())
        {
            if (!y.TryGet(k, out var w)) return false;
            if (!Protocols.EqualsForContainer(v, w)) return false;
        }
        return true;
    }

    static Value SetCompare(int op, SetObject x, SetObject y)
    {
        static bool Sub(SetObject p, SetObject q) => p.Table.IsSubsetOf(q.Table);
        return Value.Bool(op switch
        {
            Eq => x.Count == y.Count && Sub(x, y),
            Ne => !(x.Count == y.Count && Sub(x, y)),
            Le => x.Count <= y.Count && Sub(x, y),
            Lt => x.Count < y.Count && Sub(x, y),
            Ge => y.Count <= x.Count && Sub(y, x),
            _ => y.Count < x.Count && Sub(y, x),
        });
    }
}
