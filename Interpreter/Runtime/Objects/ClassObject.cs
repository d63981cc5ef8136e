// A class (builtin or user-defined): name, base chain (MRO), attribute dict, and the instance
// shape: a name->slot map that only grows, shared by all instances of exactly this class.
using System.Diagnostics.CodeAnalysis;
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
    byte[] slotTags = [];
    public const byte MixedTags = 0xFF;
    /// <summary>Per instance slot whose tag is Object (attribute slots typed by one class): 0 before
    /// the first object, the class of every instance stored there so far, or <see cref="MixedClasses"/>
    /// (another class, a subclass, or a heap object that is not an instance). It only widens, and
    /// widening bumps <see cref="GlobalVersion"/> as the tag record does (SlotClassRecords), once
    /// machine code relies on the record (<see cref="ReliedSlotClass"/>): before that, nothing
    /// compiled reads it, and the interpreter's store cache only ever takes its slow path once more.</summary>
    nint[] slotClasses = [];
    bool[] slotClassRelied = [];
    public const nint MixedClasses = -1;
    public bool IsBuiltin;
    public bool IsException;
    /// <summary>User classes may not subclass most builtins; this is the builtin the class derives from.</summary>
    public ClassObject? BuiltinBase;
    /// <summary>A builtin data type a user class may extend (list, dict, int, ...: BuiltinSubclasses).</summary>
    public bool HoldsValue;
    /// <summary>For a user class: the builtin data type it extends (its instances hold such a value),
    /// or null.</summary>
    public ClassObject? ValueBase;
    /// <summary>A builtin class implemented in C# whose instances keep their data in a companion
    /// (NativeInstances).</summary>
    public bool NativeCompanion;
    /// <summary>The class's own `__slots__` names, or null when it declares none (ClassSlots).</summary>
    public string[]? DeclaredSlots;
    /// <summary>The only attribute names its instances may have (they have no __dict__), or null.</summary>
    public HashSet<string>? FixedAttributes;
    /// <summary>For builtin classes: the constructor called by cls(...).</summary>
    public NativeFn? Ctor;

    /// <summary>Bumped on every class attribute change anywhere (invalidates lookup caches).</summary>
    public static unsafe int GlobalVersion { get => VmState.P->ClassVersion; set => VmState.P->ClassVersion = value; }
    int cacheVersion = -1;
    // Made by the first lookup: of the 90 builtin classes, a short script looks up in a few.
    Dictionary<string, Value>? lookupCache;

    public ClassObject(string name) { Name = name; QualName = name; }

    public void Trace()
    {
        foreach (var v in Dict.Values) Gc.Mark(v);
        foreach (var c in Mro) Gc.Mark(c.Self);
        if (Meta != null) Gc.Mark(Meta.Self);
        // A class a slot record names stays alive while the record can be read (machine code and
        // cache entries compare its address).
        for (int s = 0; s < SlotNames.Count; s++)
            if (slotClasses[s] is not (0 or MixedClasses) and var c) Gc.Mark(FromPtr(c).Self);
    }

    public int SlotFor(string name)
    {
        if (Slots.TryGetValue(name, out int i)) return i;
        i = SlotNames.Count;
        Slots[name] = i;
        SlotNames.Add(name);
        // The shape's records are made with its first slot: most builtin classes never get one.
        if (i >= slotTags.Length) Array.Resize(ref slotTags, Math.Max(4, slotTags.Length * 2));
        if (i >= slotClasses.Length) Array.Resize(ref slotClasses, slotTags.Length);
        if (i >= slotClassRelied.Length) Array.Resize(ref slotClassRelied, slotTags.Length);
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
        if (tag == (byte)Tag.Empty || known == MixedTags) return;
        if (tag == (byte)Tag.Object && (known == 0 || known == tag)) NoteClass(slot, v);
        if (known == tag) return;
        slotTags[slot] = known == 0 ? tag : MixedTags;
        if (known != 0) GlobalVersion++;
    }

    /// <summary>The class every value stored in <paramref name="slot"/> so far was an instance of
    /// exactly (its tag record is Object), or 0 when none is known. Code that relies on it checks
    /// the class version, which any widening bumps.</summary>
    public nint SlotClass(int slot) =>
        SlotTag(slot) == (byte)Tag.Object && slotClasses[slot] is var c && c != MixedClasses ? c : 0;

    /// <summary><see cref="SlotClass"/>, read by code compiled to rely on it (a load typed by it, a
    /// store that checks it): from now on its widening bumps the class version.</summary>
    public nint ReliedSlotClass(int slot)
    {
        nint c = SlotClass(slot);
        if (c != 0) slotClassRelied[slot] = true;
        return c;
    }

    void NoteClass(int slot, Value v)
    {
        nint known = slotClasses[slot], cls = ClassOf(v);
        if (known == cls || known == MixedClasses) return;
        if (known == 0)
        {
            slotClasses[slot] = cls;
            if (cls != MixedClasses) SlotClassRecords.Register(this);
            return;
        }
        slotClasses[slot] = MixedClasses;
        if (slotClassRelied[slot]) GlobalVersion++;
    }

    /// <summary>The class a slot's class record notes for heap object <paramref name="v"/>: an
    /// instance's class, or <see cref="MixedClasses"/> for any other object (its header may name no class).</summary>
    static nint ClassOf(Value v) => v.Kind == ObjectKind.Instance ? Obj.ClassPtr(v) : MixedClasses;

    /// <summary>An instance of <paramref name="cls"/> became an instance of another class (`__class__`
    /// assignment): a slot whose record names <paramref name="cls"/> may now hold another class
    /// (the caller bumps the class version).</summary>
    internal void WidenClassRecords(nint cls)
    {
        for (int s = 0; s < SlotNames.Count; s++)
            if (slotClasses[s] == cls) slotClasses[s] = MixedClasses;
    }

    /// <summary>Finds `name` along the MRO; Empty when missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Value Lookup(string name)
    {
        if (cacheVersion != GlobalVersion || lookupCache == null) ResetLookupCache();
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

    [MemberNotNull(nameof(lookupCache))]
    void ResetLookupCache()
    {
        if (lookupCache != null) { lookupCache.Clear(); Array.Clear(fastNames); }
        else
        {
            lookupCache = [];
            fastNames = new string?[FastWays];
            fastValues = new Value[FastWays];
        }
        cacheVersion = GlobalVersion;
    }

    const int FastWays = 16;
    string?[] fastNames = [];
    Value[] fastValues = [];

    public void SetAttr(string name, Value v) { Dict[name] = v; GlobalVersion++; }
    public bool DelAttr(string name) { GlobalVersion++; return Dict.Remove(name); }

    public bool IsSubclassOf(ClassObject other)
    {
        foreach (var c in Mro) if (c == other) return true;
        return false;
    }

    /// <summary>The direct bases (`__bases__`); empty for object. A builtin class has its one Base.</summary>
    public ClassObject[] Bases = Array.Empty<ClassObject>();

    /// <summary>Computes the MRO (C3 linearization over the bases, CPython's mro()) and what the class
    /// inherits from builtin classes. Throws TypeError for an inconsistent hierarchy.</summary>
    public void ComputeMro()
    {
        if (Bases.Length == 0 && Base != null) Bases = [Base];
        Mro = Bases.Length <= 1 ? SingleChain() : C3Linearization.Merge(this);
        foreach (var b in Mro)
        {
            if (b.IsBuiltin && BuiltinBase == null) BuiltinBase = b;
            if (b.HoldsValue && ValueBase == null && !IsBuiltin) ValueBase = b;
            if (b == Types.BaseException) IsException = true;
        }
        if (!IsBuiltin) FixedAttributes = ClassSlots.FixedAttributes(this);
    }

    ClassObject[] SingleChain()
    {
        var list = new List<ClassObject> { this };
        if (Bases.Length == 1) list.AddRange(Bases[0].Mro);
        return list.ToArray();
    }

    public static ClassObject Of(Value cls) => Obj.Get<ClassObject>(cls);
    public static unsafe ClassObject FromPtr(nint p) => Obj.Get<ClassObject>(Value.Obj(p));
}
