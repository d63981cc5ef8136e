// The runtime's per-code data: instructions and constants in native memory, global-cell caches,
// inline caches and the counters the JIT tiers read.
using System.Numerics;
using System.Runtime.InteropServices;
using Lbbv.Bytecode;

namespace Lbbv.Runtime;

/// <summary>Per-instruction attribute cache: for instances of class Class (at class Version), the
/// attribute is instance slot Slot (Kind 1) or the class attribute Value (Kind 2: plain method).</summary>
public struct AttrCache
{
    public nint Class;
    public int Version;
    public int Slot;
    public byte Kind;
    /// <summary>Kind 3 (slot store): the slot's tag when the entry was filled (ClassObject.SlotTag);
    /// a store whose value has another tag must go through ClassObject.NoteStore.</summary>
    public byte SlotTag;
    /// <summary>Kind 3 with SlotTag Object: the class the slot's record names (ClassObject.SlotClass),
    /// or 0 (no class record to keep): a store of an instance of another class must go through
    /// ClassObject.NoteStore.</summary>
    public nint SlotClass;
    public Value Value;
}

public sealed unsafe class CodeRuntime
{
    public static CodeRuntime[] All = new CodeRuntime[256];
    public static int Count;

    public readonly int Id;
    public readonly CodeObject Code;
    public readonly int* Instrs;
    public readonly Value* Consts;
    public readonly int ConstCount;
    public readonly string[] Names;
    public readonly ModuleObject Module;
    public readonly int SlotCount;
    public readonly int MaxStack;
    public readonly int ArgCount;
    public readonly int KwOnlyArgCount;
    public readonly bool IsGenerator;
    /// <summary>True when a call with exactly ArgCount positional arguments needs no binding work.</summary>
    public readonly bool SimpleArgs;
    /// <summary>Global cells by name index (0 until first use).</summary>
    public readonly nint[] GlobalCells;
    public readonly nint[] BuiltinCells;
    /// <summary>The primary attribute cache of each instruction (index = instruction; the JIT tiers read it).</summary>
    public readonly AttrCache[] AttrCaches;
    /// <summary>Further polymorphic entries: CacheWays - 1 per instruction (index ip * (CacheWays - 1) + k).</summary>
    public readonly AttrCache[] ExtraAttrCaches;
    public const int CacheWays = 4;
    /// <summary>The record of every cell and free slot's variable (CellRecords; index: slot - FirstDerefSlot).
    /// </summary>
    public readonly nint[] DerefRecords;
    public readonly int FirstDerefSlot;
    /// <summary>What this code has returned (<see cref="ReturnProfile"/> bits).</summary>
    public ulong ReturnsSeen;
    int cacheRotor;

    /// <summary>The entry of instruction `ip` to fill on a miss (a free or stale one, else round robin).</summary>
    public ref AttrCache Victim(int ip)
    {
        ref AttrCache p = ref AttrCaches[ip];
        if (p.Class == 0 || p.Version != ClassObject.GlobalVersion) return ref p;
        int b = ip * (CacheWays - 1);
        for (int k = 0; k < CacheWays - 1; k++)
        {
            ref AttrCache c = ref ExtraAttrCaches[b + k];
            if (c.Class == 0 || c.Version != ClassObject.GlobalVersion) return ref c;
        }
        return ref CacheWay(ip, cacheRotor++ & (CacheWays - 1));
    }

    /// <summary>Entry <paramref name="way"/> (0: the primary) of instruction <paramref name="ip"/>'s cache.</summary>
    public ref AttrCache CacheWay(int ip, int way) =>
        ref way == 0 ? ref AttrCaches[ip] : ref ExtraAttrCaches[ip * (CacheWays - 1) + way - 1];

    /// <summary>The valid entry of instruction `ip` for class `cls` and kind, or -1 (primary = -2 - ... see FindCache).</summary>
    public ref AttrCache Find(int ip, nint cls, byte kind, out bool found)
    {
        ref AttrCache p = ref AttrCaches[ip];
        found = true;
        if (p.Class == cls && p.Version == ClassObject.GlobalVersion && p.Kind == kind) return ref p;
        int b = ip * (CacheWays - 1);
        for (int k = 0; k < CacheWays - 1; k++)
        {
            ref AttrCache c = ref ExtraAttrCaches[b + k];
            if (c.Class == cls && c.Version == ClassObject.GlobalVersion && c.Kind == kind) return ref c;
        }
        found = false;
        return ref p;
    }

    public readonly Value Self;

    /// <summary>Counters for the JIT tiers.</summary>
    public int CallCount;
    public int BackEdgeCount;
    /// <summary>Opaque per-code state owned by a JIT tier.</summary>
    public object? JitState;

    public CodeRuntime(CodeObject code, ModuleObject module)
    {
        Code = code;
        Module = module;
        Id = Count++;
        if (Id >= All.Length) Array.Resize(ref All, All.Length * 2);
        All[Id] = this;
        // SAFETY: native copies owned for the whole run.
        Instrs = (int*)NativeMemory.Alloc((nuint)Math.Max(1, code.Code.Length) * 4);
        code.Code.AsSpan().CopyTo(new Span<int>(Instrs, code.Code.Length));
        Names = code.Names;
        SlotCount = code.SlotCount;
        MaxStack = code.MaxStackDepth + 1; // one spare slot above the deepest stack, for the JITs (a new instance, a swap)
        ArgCount = code.ArgCount;
        KwOnlyArgCount = code.KwOnlyArgCount;
        IsGenerator = code.IsGenerator;
        SimpleArgs = (code.Flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) == 0 && code.KwOnlyArgCount == 0;
        GlobalCells = new nint[code.Names.Length];
        BuiltinCells = new nint[code.Names.Length];
        AttrCaches = new AttrCache[code.Code.Length];
        DerefRecords = CellRecords.Of(code);
        FirstDerefSlot = code.VarNames.Length;
        ExtraAttrCaches = new AttrCache[code.Code.Length * (CacheWays - 1)];
        ConstCount = code.Constants.Length;
        Consts = (Value*)NativeMemory.AllocZeroed((nuint)Math.Max(1, ConstCount) * Layout.ValueSize);
        Self = Obj.New(ObjectKind.Code, this);
        PermanentRoots.Add(Self);
        for (int i = 0; i < ConstCount; i++)
        {
            Consts[i] = ConstValue(code.Constants[i], module);
            PermanentRoots.Add(Consts[i]);
        }
        code.RuntimeData = this;
    }

    public static CodeRuntime For(CodeObject code, ModuleObject module)
        => code.RuntimeData as CodeRuntime ?? new CodeRuntime(code, module);

    static Value ConstValue(object? c, ModuleObject module) => c switch
    {
        null => Value.None,
        bool b => Value.Bool(b),
        BigInteger bi => Ints.FromBig(bi),
        long l => Value.Int(l),
        int i => Value.Int(i),
        double d => Value.Float(d),
        string s => Strs.New(s),
        Lbbv.Syntax.Ellipsis => Types.Ellipsis,
        CodeObject co => For(co, module).Self,
        object?[] items => TupleOf(items, module),
        _ => throw new InvalidOperationException("bad constant " + c.GetType()),
    };

    static Value TupleOf(object?[] items, ModuleObject module)
    {
        var vals = new Value[items.Length];
        for (int i = 0; i < items.Length; i++) vals[i] = ConstValue(items[i], module);
        return Tuples.FromSpan(vals);
    }

    /// <summary>The record of the variable of cell or free slot <paramref name="slot"/>.</summary>
    public CellRecord* DerefRecord(int slot) => (CellRecord*)DerefRecords[slot - FirstDerefSlot];

    public int LineOf(int ip) => ip >= 0 && ip < Code.Lines.Length ? Code.Lines[ip] : Code.FirstLine;

    public static void Reset() { Count = 0; Array.Clear(All); }
}
