// A class (builtin or user-defined): name, base chain (MRO), attribute dict, and the instance
// shape: a name->slot map that only grows, shared by all instances of exactly this class.
using System.Runtime.CompilerServices;
namespace Lbbv.Runtime;

public sealed class ClassObject : ITraceable
{
    public string Name;
    /// <summary>`__qualname__` (the name for builtin classes).</summary>
    public string QualName;
    public string Module = "builtins";
    /// <summary>The class's metaclass when it is not `type` (a user subclass of type), else null.</summary>
    public ClassObject? Meta;
    public Value Self;
    public ClassObject? Base;
    public ClassObject[] Mro = Array.Empty<ClassObject>();
    public readonly Dictionary<string, Value> Dict = new();
    /// <summary>Instance attribute layout (the class's shape): name -> slot index.</summary>
    public readonly Dictionary<string, int> Slots = new();
    public readonly List<string> SlotNames = new();
    /// <summary>Per instance slot, the tag of every value ever stored there (typed shapes): 0 when
    /// nothing was stored yet, one <see cref="Tag"/>, or <see cref="MixedTags"/>. A slot's tag only
    /// widens, and widening from one tag to mixed bumps <see cref="GlobalVersion"/>, so machine code
    /// that trusted the tag behind a class-version check stops using it.</summary>
    byte[] slotTags = new byte[4];
    public const byte MixedTags = 0xFF;
    public bool IsBuiltin;
    public bool IsException;
    /// <summary>User classes may not subclass most builtins; this is the builtin the class derives from.</summary>
    public ClassObject? BuiltinBase;
    /// <summary>For builtin classes: the constructor called by cls(...).</summary>
    public NativeFn? Ctor;

    /// <summary>Bumped on every class attribute change anywhere (invalidates lookup caches).</summary>
    public static unsafe int GlobalVersion { get => VmState.P->ClassVersion; set => VmState.P->ClassVersion = value; }
    int cacheVersion = -1;
    readonly Dictionary<string, Value> lookupCache = new();

    public ClassObject(string name) { Name = name; QualName = name; }

    public void Trace()
    {
        foreach (var v in Dict.Values) Gc.Mark(v);
        foreach (var c in Mro) Gc.Mark(c.Self);
        if (Meta != null) Gc.Mark(Meta.Self);
    }

    public int SlotFor(string name)
    {
        if (Slots.TryGetValue(name, out int i)) return i;
        i = SlotNames.Count;
        Slots[name] = i;
        SlotNames.Add(name);
        if (i >= slotTags.Length) Array.Resize(ref slotTags, slotTags.Length * 2);
        // A method cache entry (kind 2) holds only while no instance slot shadows the class
        // attribute: a new slot of that name invalidates it.
        if (!Lookup(name).IsEmpty) GlobalVersion++;
        return i;
    }

    public byte SlotTag(int slot) => (uint)slot < (uint)slotTags.Length ? slotTags[slot] : (byte)0;

    /// <summary>Records a store of `v` into `slot` (every store to an instance slot goes through here
    /// or through a cache entry whose SlotTag admits the value).</summary>
    public void NoteStore(int slot, Value v)
    {
        byte tag = (byte)v.Tag;
        byte known = slotTags[slot];
        if (tag == (byte)Tag.Empty || known == tag || known == MixedTags) return;
        slotTags[slot] = known == 0 ? tag : MixedTags;
        if (known != 0) GlobalVersion++;
    }

    /// <summary>Finds `name` along the MRO; Empty when missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value Lookup(string name)
    {
        if (cacheVersion != GlobalVersion) { lookupCache.Clear(); Array.Clear(fastNames); cacheVersion = GlobalVersion; }
        // Names come from code objects and builtin tables, so the same string instance recurs:
        // a reference compare in a small direct-mapped table skips the dictionary's string hashing.
        int slot = (name.Length * 7 + (name.Length == 0 ? 0 : name[0] + name[^1])) & (FastWays - 1);
        if ((object?)fastNames[slot] == name) return fastValues[slot];
        if (!lookupCache.TryGetValue(name, out var v))
        {
            v = Value.Empty;
            foreach (var c in Mro)
                if (c.Dict.TryGetValue(name, out var found)) { v = found; break; }
            lookupCache[name] = v;
        }
        fastNames[slot] = name;
        fastValues[slot] = v;
        return v;
    }

    const int FastWays = 16;
    readonly string?[] fastNames = new string?[FastWays];
    readonly Value[] fastValues = new Value[FastWays];

    public void SetAttr(string name, Value v) { Dict[name] = v; GlobalVersion++; }
    public bool DelAttr(string name) { GlobalVersion++; return Dict.Remove(name); }

    public bool IsSubclassOf(ClassObject other)
    {
        foreach (var c in Mro) if (c == other) return true;
        return false;
    }

    public void ComputeMro()
    {
        var list = new List<ClassObject> { this };
        for (var b = Base; b != null; b = b.Base) list.Add(b);
        Mro = list.ToArray();
        for (var b = this; b != null; b = b.Base)
        {
            if (b.IsBuiltin && BuiltinBase == null) BuiltinBase = b;
            if (b == Types.BaseException) IsException = true;
        }
    }

    public static ClassObject Of(Value cls) => Obj.Get<ClassObject>(cls);
    public static unsafe ClassObject FromPtr(nint p) => Obj.Get<ClassObject>(Value.Obj(p));
}
