// The builtin classes, created once per run, and type(v).
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public static class Types
{
#pragma warning disable CS8618 // initialized by Init before any use
    public static ClassObject Object, Type, Int, Float, Bool, NoneType, Str, List, Tuple, Dict, Set, FrozenSet,
        Range, Slice, Function, BuiltinFunction, Method, Module, Generator, Cell, Property, StaticMethod,
        ClassMethod, NotImplementedType, EllipsisType, Code, DictKeys, DictValues, DictItems,
        ListIterator, ListReverseIterator, TupleIterator, RangeIterator, StrIterator, DictKeyIterator,
        DictValueIterator, DictItemIterator, SetIterator, SeqIterator, Map, Filter, Zip, Enumerate, Reversed,
        CallableIterator;
    public static ClassObject BaseException, Exception, SystemExit, KeyboardInterrupt, GeneratorExit,
        ArithmeticError, ZeroDivisionError, OverflowError, FloatingPointError, AssertionError, AttributeError,
        ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, NameError, UnboundLocalError,
        RuntimeError, NotImplementedError, RecursionError, StopIteration, TypeError, ValueError, OSError,
        FileNotFoundError, UnicodeError, MemoryError, SyntaxError, IndentationError, TabError, SystemError,
        EOFError, BufferError, StopAsyncIteration, ConnectionError, PermissionError, TimeoutError,
        UnicodeDecodeError, UnicodeEncodeError;
#pragma warning restore CS8618
    public static Value NotImplemented, Ellipsis;

    /// <summary>Builtin classes by name, for the builtins module and PyError conversion.</summary>
    public static readonly Dictionary<string, ClassObject> ByName = new();

    public static ClassObject Make(string name, ClassObject? baseClass, bool register = true)
    {
        var c = new ClassObject(name) { Base = baseClass, IsBuiltin = true };
        c.Self = Obj.New(ObjectKind.Class, c);
        PermanentRoots.Add(c.Self);
        c.ComputeMro();
        if (register) ByName[name] = c;
        return c;
    }

    public static void Init()
    {
        ByName.Clear();
        Object = Make("object", null);
        Type = Make("type", Object);
        Int = Make("int", Object);
        Bool = Make("bool", Int);
        Float = Make("float", Object);
        NoneType = Make("NoneType", Object, false);
        Str = Make("str", Object);
        List = Make("list", Object);
        Tuple = Make("tuple", Object);
        Dict = Make("dict", Object);
        Set = Make("set", Object);
        FrozenSet = Make("frozenset", Object);
        Range = Make("range", Object);
        Slice = Make("slice", Object);
        Function = Make("function", Object, false);
        BuiltinFunction = Make("builtin_function_or_method", Object, false);
        Method = Make("method", Object, false);
        Module = Make("module", Object, false);
        Generator = Make("generator", Object, false);
        Cell = Make("cell", Object, false);
        Property = Make("property", Object);
        StaticMethod = Make("staticmethod", Object);
        ClassMethod = Make("classmethod", Object);
        NotImplementedType = Make("NotImplementedType", Object, false);
        EllipsisType = Make("ellipsis", Object, false);
        Code = Make("code", Object, false);
        DictKeys = Make("dict_keys", Object, false);
        DictValues = Make("dict_values", Object, false);
        DictItems = Make("dict_items", Object, false);
        ListIterator = Make("list_iterator", Object, false);
        ListReverseIterator = Make("list_reverseiterator", Object, false);
        TupleIterator = Make("tuple_iterator", Object, false);
        RangeIterator = Make("range_iterator", Object, false);
        StrIterator = Make("str_ascii_iterator", Object, false);
        DictKeyIterator = Make("dict_keyiterator", Object, false);
        DictValueIterator = Make("dict_valueiterator", Object, false);
        DictItemIterator = Make("dict_itemiterator", Object, false);
        SetIterator = Make("set_iterator", Object, false);
        SeqIterator = Make("iterator", Object, false);
        CallableIterator = Make("callable_iterator", Object, false);
        Map = Make("map", Object);
        Filter = Make("filter", Object);
        Zip = Make("zip", Object);
        Enumerate = Make("enumerate", Object);
        Reversed = Make("reversed", Object);

        BaseException = Make("BaseException", Object);
        SystemExit = Make("SystemExit", BaseException);
        KeyboardInterrupt = Make("KeyboardInterrupt", BaseException);
        GeneratorExit = Make("GeneratorExit", BaseException);
        Exception = Make("Exception", BaseException);
        ArithmeticError = Make("ArithmeticError", Exception);
        ZeroDivisionError = Make("ZeroDivisionError", ArithmeticError);
        OverflowError = Make("OverflowError", ArithmeticError);
        FloatingPointError = Make("FloatingPointError", ArithmeticError);
        AssertionError = Make("AssertionError", Exception);
        AttributeError = Make("AttributeError", Exception);
        ImportError = Make("ImportError", Exception);
        ModuleNotFoundError = Make("ModuleNotFoundError", ImportError);
        LookupError = Make("LookupError", Exception);
        IndexError = Make("IndexError", LookupError);
        KeyError = Make("KeyError", LookupError);
        NameError = Make("NameError", Exception);
        UnboundLocalError = Make("UnboundLocalError", NameError);
        RuntimeError = Make("RuntimeError", Exception);
        NotImplementedError = Make("NotImplementedError", RuntimeError);
        RecursionError = Make("RecursionError", RuntimeError);
        StopIteration = Make("StopIteration", Exception);
        TypeError = Make("TypeError", Exception);
        ValueError = Make("ValueError", Exception);
        UnicodeError = Make("UnicodeError", ValueError);
        OSError = Make("OSError", Exception);
        FileNotFoundError = Make("FileNotFoundError", OSError);
        MemoryError = Make("MemoryError", Exception);
        SyntaxError = Make("SyntaxError", Exception);
        IndentationError = Make("IndentationError", SyntaxError);
        TabError = Make("TabError", IndentationError);
        SystemError = Make("SystemError", Exception);
        EOFError = Make("EOFError", Exception);
        StopAsyncIteration = Make("StopAsyncIteration", Exception);
        BufferError = Make("BufferError", Exception);
        ConnectionError = Make("ConnectionError", OSError);
        PermissionError = Make("PermissionError", OSError);
        TimeoutError = Make("TimeoutError", OSError);
        UnicodeDecodeError = Make("UnicodeDecodeError", UnicodeError);
        UnicodeEncodeError = Make("UnicodeEncodeError", UnicodeError);

        NotImplemented = Obj.New(ObjectKind.Other, new SingletonObject("NotImplemented", NotImplementedType));
        Ellipsis = Obj.New(ObjectKind.Other, new SingletonObject("Ellipsis", EllipsisType));
        PermanentRoots.Add(NotImplemented);
        PermanentRoots.Add(Ellipsis);
    }

    /// <summary>type(v).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe ClassObject Of(Value v)
    {
        switch (v.Tag)
        {
            case Tag.Int: return Int;
            case Tag.Float: return Float;
            case Tag.Bool: return Bool;
            case Tag.None: return NoneType;
        }
        switch (v.Kind)
        {
            case ObjectKind.Instance:
            case ObjectKind.Exception:
                return ClassObject.FromPtr(Obj.ClassPtr(v));
            case ObjectKind.Str: return Str;
            case ObjectKind.BigInt: return Int;
            case ObjectKind.List: return List;
            case ObjectKind.Tuple: return Tuple;
            case ObjectKind.Dict: return Dict;
            case ObjectKind.Set: return Set;
            case ObjectKind.FrozenSet: return FrozenSet;
            case ObjectKind.Class: return ClassObject.Of(v).Meta ?? Type;
            case ObjectKind.Function: return Function;
            case ObjectKind.BuiltinFunction: return BuiltinFunction;
            case ObjectKind.BoundMethod: return Method;
            case ObjectKind.Cell: return Cell;
            case ObjectKind.Module: return Module;
            case ObjectKind.Range: return Range;
            case ObjectKind.Slice: return Slice;
            case ObjectKind.Iterator: return Obj.Get<IteratorObject>(v).Type;
            case ObjectKind.RangeIterator: return RangeIterator;
            case ObjectKind.ListIterator: return ListIterator;
            case ObjectKind.Generator: return Generator;
            case ObjectKind.Property: return Property;
            case ObjectKind.StaticMethod: return StaticMethod;
            case ObjectKind.ClassMethod: return ClassMethod;
            case ObjectKind.Code: return Code;
            case ObjectKind.Other:
                var c = Obj.Companion(v);
                if (c is SingletonObject s) return s.Type;
                if (c is DictView dv) return dv.Mode == 0 ? DictKeys : dv.Mode == 1 ? DictValues : DictItems;
                if (c is StreamObject so) return so.Type;
                if (c is BigRangeObject) return Range;
                if (c is SuperObject) return ByName["super"];
                return Object;
        }
        return Object;
    }

    public static string NameOf(Value v) => Of(v).Name;
}

public sealed class SingletonObject(string name, ClassObject type)
{
    public readonly string Name = name;
    public readonly ClassObject Type = type;
}

/// <summary>dict.keys()/values()/items(): live views over a dict.</summary>
public sealed class DictView(Value dict, int mode) : ITraceable
{
    public readonly Value Dict = dict;
    public readonly int Mode = mode;
    public void Trace() => Gc.Mark(Dict);
}
