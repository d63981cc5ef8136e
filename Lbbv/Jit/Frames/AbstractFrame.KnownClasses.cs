// Class knowledge in the type context: what the frame knows of its objects' classes is written into
// the contexts it hands to other code (block edges, chains, a callee's entry) and read back when a
// version is entered with one (docs/LBBV.md, "Class knowledge in the type context").
using Lbbv.Types;

namespace Lbbv.Jit.Frames;

public sealed partial class AbstractFrame
{
    /// <summary>Numbers for the classes a context names; null (the tracer, `--max-versions 1`,
    /// `--no-class-context`): no class crosses an edge, classes stay known only within a version.</summary>
    public ClassIds? Classes { get; set; }

    /// <summary>Whether every class known of a slot's object is still that object's class at this
    /// point of the code, with no class-version check needed to say so: true at a version's entry
    /// (its context is true when it is entered), false once a call or helper ran (either may assign
    /// `__class__`, which bumps the class version), true again after a passing class-version check
    /// (the version checked is the one this code was compiled against, so no class changed since the
    /// entry). Only then do classes go into a context another version is entered with.</summary>
    public bool ClassFactsHold { get; private set; }

    /// <summary>Whether the class <see cref="KnownClass"/> gives came only from the version's context.</summary>
    public bool ClassFromContext(int slot) =>
        KnownOwner(slot) is >= 0 and var owner && _slots[owner].Known.ClassFromContext;

    /// <summary>Stack entry <paramref name="slot"/> (copying no local) holds an object of class
    /// <paramref name="known"/>.Class: a method's self after LoadMethod, which checked the receiver.</summary>
    public void NoteEntryClass(int slot, KnownObject known)
    {
        if (slot >= LocalCount && LocalOf(slot) < 0 && known.Class != 0)
            _slots[slot] = _slots[slot] with { Known = new KnownObject(known.Class, known.Slots,
                ClassFromRecord: known.ClassFromRecord, ClassFromContext: known.ClassFromContext) };
    }

    /// <summary><paramref name="context"/> with the classes known of the locals' and stack entries'
    /// objects (locals first; at most <see cref="TypeContext.ClassCapacity"/>), when they may cross.</summary>
    public TypeContext WithKnownClasses(TypeContext context)
    {
        if (Classes is null || !ClassFactsHold) return context;
        int slots = Math.Min(LocalCount + Depth, Math.Min(_capacity, TypedSlots));
        for (int s = 0; s < slots; s++)
        {
            if (context.Get(s) == AbstractType.Unknown || KnownClass(s) is not (not 0 and var cls)) continue;
            context = context.WithClass(s, Classes.IdOf(cls));
        }
        return context;
    }

    /// <summary>The classes <paramref name="context"/> names are known of those slots' objects.</summary>
    private void EnterKnownClasses(TypeContext context)
    {
        if (!context.HasClasses || Classes is null) return;
        foreach (var (slot, id) in context.ClassEntries())
            if (slot < _capacity && Classes.ClassOf(id) is not 0 and var cls)
                _slots[slot] = _slots[slot] with { Known = new KnownObject(cls, 0, ClassFromContext: true) };
    }
}
