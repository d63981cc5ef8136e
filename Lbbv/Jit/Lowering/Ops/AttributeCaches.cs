// What an attribute op may be compiled to: the interpreter's inline cache at the op (or, for a live
// receiver, what that cache would hold for its class), and the classes of a polymorphic site.
using Lbbv.Runtime;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed unsafe class AttributeCaches(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>Cache entry kinds: an instance slot load, a method, an instance slot store.</summary>
    public const byte SlotLoad = 1, Method = 2, SlotStore = 3;

    /// <summary>The receiver classes the compiler saw live at each attribute op (a class check of a
    /// version in a chain), kept alive: what a polymorphic cache at the op covers, even after a class
    /// change left the interpreter's entries stale (it no longer runs the op to refill them).</summary>
    private readonly Dictionary<(CodeRuntime Code, int At), List<nint>> _classesSeen = [];

    /// <summary>The classes seen live at the op at <paramref name="at"/>, oldest first.</summary>
    public IReadOnlyList<nint> ClassesSeen(int at) => _classesSeen.TryGetValue((Cr, at), out var seen) ? seen : [];

    private void NoteClassSeen(int at, nint cls)
    {
        if (!_classesSeen.TryGetValue((Cr, at), out var seen)) _classesSeen[(Cr, at)] = seen = [];
        if (seen.Contains(cls) || seen.Count >= 8) return;
        L.Runtime.KeepAlive(ClassObject.FromPtr(cls).Self);
        seen.Add(cls);
    }

    /// <summary>The attribute cache entry the interpreter filled at the op at <paramref name="at"/>
    /// for the class of the live receiver (else the op's primary entry), when it is of
    /// <paramref name="kind"/> and current.</summary>
    public bool TryCachedAttribute(int at, int receiver, int name, byte kind, out AttrCache entry)
    {
        entry = Cr.AttrCaches[at];
        if (TryLive(receiver, out var o) && o.IsObject && o.Kind == ObjectKind.Instance)
        {
            // SAFETY: a live heap object; its header names its class.
            nint cls = ((ObjectHeader*)o.Ptr)->Class;
            NoteClassSeen(at, cls);
            entry = Cr.Find(at, cls, kind, out bool found);
            // Not seen by the interpreter here yet: decide as its cache would.
            if (!found && !Attributes.TryInstanceCacheEntry(ClassObject.FromPtr(cls), Cr.Names[name], kind, out entry)) return false;
        }
        return entry.Kind == kind && entry.Class != 0 && entry.Version == ClassObject.GlobalVersion;
    }

    /// <summary>A polymorphic site: the classes (two to four, <paramref name="entry"/>'s first) whose
    /// current cache entries at the op at <paramref name="at"/> do what <paramref name="entry"/>
    /// does: a slot load or store of the same slot, whose values have had the same tag in every one
    /// of those classes, or a method load of the same function. One class-set check then replaces a
    /// chain of class checks (each failure an indirect jump to the next class's code).</summary>
    public bool TryClassSet(int at, AttrCache entry, out nint[] classes)
    {
        var found = new List<nint> { entry.Class };
        for (int way = 0; way < CodeRuntime.CacheWays && found.Count < 4; way++)
        {
            var e = Cr.CacheWay(at, way);
            if (e.Kind != entry.Kind || e.Class == 0 || e.Version != ClassObject.GlobalVersion || found.Contains(e.Class)) continue;
            bool same = entry.Kind == Method
                ? e.Value.Same(entry.Value)
                : e.Slot == entry.Slot && ClassObject.FromPtr(e.Class).SlotTag(e.Slot) == ClassObject.FromPtr(entry.Class).SlotTag(entry.Slot)
                    // A store checks the value against one class record: every class must have that one.
                    && (entry.Kind != SlotStore || SlotClassOf(e) == SlotClassOf(entry));
            if (same) found.Add(e.Class);
        }
        classes = [.. found];
        return found.Count >= 2;
    }

    private static nint SlotClassOf(AttrCache e) => ClassObject.FromPtr(e.Class).SlotClass(e.Slot);

    /// <summary>The class that attribute slot <paramref name="slot"/>'s record names in every one of
    /// <paramref name="classes"/> (a class set's load typed by one class, relying on each record), or 0.</summary>
    public static nint CommonSlotClass(nint[] classes, int slot)
    {
        nint common = ClassObject.FromPtr(classes[0]).SlotClass(slot);
        foreach (nint cls in classes)
            if (ClassObject.FromPtr(cls).SlotClass(slot) != common) return 0;
        foreach (nint cls in classes) ClassObject.FromPtr(cls).ReliedSlotClass(slot); // the load relies on each
        return common;
    }

    /// <summary>True when nothing current is known about the receiver's class here (no cache entry, or
    /// one filled before a class changed, as after the change that made this code be compiled again; and
    /// no live value): the op is better compiled when reached, with the receiver in view.</summary>
    public bool UnknownAttribute(int receiver)
    {
        var entry = Cr.AttrCaches[K];
        return !TryLive(receiver, out _) && (entry.Kind == 0 || entry.Version != ClassObject.GlobalVersion)
            && Speculation.ShouldDefer();
    }
}
