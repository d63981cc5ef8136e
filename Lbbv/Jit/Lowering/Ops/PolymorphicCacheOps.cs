// Polymorphic inline caches for attribute and method loads whose receiver's class is not known,
// where a version would otherwise run the interpreter's op (the version at a block's cap, after
// the chain of single-class versions): a few class checks in a row, each with its own cached
// slot or method, then the generic helper.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering.Ops;

internal sealed class PolymorphicCacheOps(Lowerer lowerer) : OpFamily(lowerer)
{
    /// <summary>Class entries one cache holds at most (the interpreter's ways plus the live receiver's).</summary>
    public const int MaxEntries = CodeRuntime.CacheWays + 1;

    /// <summary>The current entries of <paramref name="kind"/> for the classes the op has seen, one per
    /// class: <paramref name="first"/> (the live receiver's, if any), the interpreter's cache ways at
    /// the op, then the classes the compiler saw live there (each entry decided anew, as the
    /// interpreter's cache would).</summary>
    private List<AttrCache> SiteEntries(AttrCache? first, int name, byte kind)
    {
        var found = new List<AttrCache>(MaxEntries);
        void Add(AttrCache e)
        {
            if (found.Count >= MaxEntries || e.Kind != kind || e.Class == 0 || e.Version != ClassObject.GlobalVersion) return;
            if (kind == AttributeCaches.Method && !e.Value.Is(ObjectKind.Function)) return;
            if (!found.Exists(x => x.Class == e.Class)) found.Add(e);
        }
        if (first is { } f) Add(f);
        for (int way = 0; way < CodeRuntime.CacheWays; way++) Add(Cr.CacheWay(K, way));
        foreach (nint cls in Ops.AttributeCaches.ClassesSeen(K))
            if (Attributes.TryInstanceCacheEntry(ClassObject.FromPtr(cls), Cr.Names[name], kind, out var e)) Add(e);
        return found;
    }

    /// <summary>The live receiver's cache entry of <paramref name="kind"/>, when the compiler sees one.</summary>
    private AttrCache? LiveEntry(int obj, int name, byte kind) =>
        Ops.AttributeCaches.TryCachedAttribute(K, obj, name, kind, out var entry) ? entry : null;

    /// <summary>LoadAttr run unspecialized (the version at the cap): each class the site has seen
    /// loads its own slot in machine code; any other class takes the generic helper. The result is
    /// Bound (the helper's result has no type); the receiver's class stays unknown.</summary>
    public bool TryGenLoadAttr(int name)
    {
        int obj = Top();
        if (!Policy.PolymorphicCaches || Frame.KnownClass(obj) != 0) return false;
        var entries = SiteEntries(LiveEntry(obj, name, AttributeCaches.SlotLoad), name, AttributeCaches.SlotLoad);
        if (entries.Count < 2) return false;
        Frame.SpillRegisters(Frames.SpillReason.Op);
        FlushOps();
        var rejoin = Unit.NewLabel();
        var generic = Emit.ColdHelper(rejoin);
        CheckClassVersion(generic);
        var done = Unit.NewLabel();
        for (int i = 0; i < entries.Count; i++)
        {
            bool last = i == entries.Count - 1;
            var next = Unit.NewLabel();
            Emit.CountClassCheck();
            Unit.Emit(S.Guards.Class, In(obj), Operand.Imm(entries[i].Class), last ? generic : next);
            Unit.Emit(S.Attribute.LoadKnownClass, In(obj), Operand.Slot(entries[i].Slot), Operand.Slot(obj), generic);
            CountHit();
            if (last) break;
            Unit.Emit(S.Control.Jump, Operand.To(done));
            Unit.Bind(next);
        }
        Unit.Bind(done);
        Emit.Rejoin(rejoin);
        CountCache(entries.Count);
        Frame.Pop();
        Frame.Push(AbstractType.Bound);
        return Done();
    }

    /// <summary>LoadMethod run unspecialized (the version at the cap): each class the site has seen
    /// pushes its own method and self and continues at the call, in a version compiled when that
    /// class first comes (the method live: a direct call); any other class falls through to the
    /// generic op, which the caller emits next. False when there is no cache to emit.</summary>
    public bool TryGenLoadMethodCases(int name)
    {
        int obj = Top();
        if (!Policy.PolymorphicCaches || Frame.KnownClass(obj) != 0) return false;
        if (K + 1 >= Shape.Length || Shape.IsBlockStart(K + 1)) return false;
        var entries = SiteEntries(LiveEntry(obj, name, AttributeCaches.Method), name, AttributeCaches.Method);
        if (entries.Count < 2) return false;
        Frame.MaterializeAll(); // every case continues in another version, which reads the frame
        FlushOps();
        var generic = Unit.NewLabel();
        CheckClassVersion(generic);
        int self = StackSlot(Depth);
        var context = Frame.Context.With(obj, AbstractType.Function).With(self, AbstractType.Heap);
        var targets = new Operand[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            if (Policy.PolymorphicCase(K + 1, context) is not { } target) return false;
            targets[i] = target;
        }
        for (int i = 0; i < entries.Count; i++)
        {
            var (entry, target) = (entries[i], targets[i]);
            L.Runtime.KeepAlive(entry.Value);
            var next = Unit.NewLabel();
            Emit.CountClassCheck();
            Unit.Emit(S.Guards.Class, In(obj), Operand.Imm(entry.Class), Operand.To(next));
            CountHit();
            Unit.Emit(S.Frame.Move, In(obj), Operand.Slot(self));
            Unit.Emit(S.Frame.StoreObject, Operand.Slot(obj), Operand.Imm(entry.Value.Payload));
            Unit.Emit(S.Control.Jump, target);
            Unit.Bind(next);
        }
        Unit.Bind(generic);
        CountCache(entries.Count);
        return true;
    }

    /// <summary>No class changed since the entries were read, else the op compiled anew (the policy's
    /// refresh) or the generic op. Not a revalidation: this code is the version at the cap that chains
    /// end in, and a stale copy of it whose failed check selected a version that chains back to it
    /// would loop through linked slots.</summary>
    private void CheckClassVersion(Label generic)
    {
        if (Frame.ClassVersionChecked) return;
        var stale = Policy.PolymorphicCacheStale(Frame.Context) ?? Operand.To(generic);
        Unit.Emit(S.Guards.ClassVersion, Operand.Imm(ClassObject.GlobalVersion), stale);
    }

    private void CountHit()
    {
        if (Stats.PolymorphicCacheHits is { } c) Unit.Emit(S.Counter.Increment, c);
    }

    private void CountCache(int entries)
    {
        Stats.PolymorphicCachesEmitted++;
        Stats.PolymorphicCacheEntriesEmitted += entries;
    }
}
