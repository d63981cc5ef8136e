using Lbbv.Backend.Emission;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

/// <summary>One compiled version of a block: machine code for the instructions from
/// <see cref="Offset"/> specialized for <see cref="Context"/>.</summary>
public sealed class BlockVersion
{
    public BlockVersion(int offset, TypeContext context, bool isGeneric, int id, int classVersion)
    {
        Offset = offset;
        Context = context;
        IsGeneric = isGeneric;
        Id = id;
        ClassVersion = classVersion;
    }

    /// <summary>The VM's class version (ClassObject.GlobalVersion) when the version was compiled.</summary>
    public int ClassVersion { get; }

    /// <summary>Whether the version checks a class version that has changed since: its class-version
    /// guard fails on every entry, so it is never selected again (CodeVersions prunes it).</summary>
    public bool IsStale => (Tally.ClassVersionChecks > 0 || AssumesClassVersion)
        && ClassVersion != ClassObject.GlobalVersion;

    /// <summary>Keyed on the class version checked before its entry
    /// (<see cref="ProvenIterators.ClassVersionChecked"/>): its code assumes the class version it was
    /// compiled under and checks it no more, so once stale it is never selected (VersionSelector), pruned
    /// or not.</summary>
    public bool AssumesClassVersion => ProvenIterators.ClassVersionChecked(Iterators);

    public int Id { get; }
    public int Offset { get; }
    public TypeContext Context { get; }
    /// <summary>The stack entries its code may assume hold a native iterator of a proven kind
    /// (<see cref="ProvenIterators"/>): part of the version's key with <see cref="Context"/>.</summary>
    public ulong Iterators { get; init; }
    /// <summary>Compiled for the generic context because the block reached its version cap.</summary>
    public bool IsGeneric { get; }
    /// <summary>Published entry address; 0 while its unit is being emitted.</summary>
    public nint Address { get; internal set; }
    /// <summary>The label of its entry in the unit being emitted (valid only until that unit is published).</summary>
    internal Label Label { get; set; }
    internal int UnitSerial { get; set; }
    /// <summary>Bumped at the version's entry by machine code when counting is on.</summary>
    public ExitCounter? EntryCounter { get; internal set; }
    /// <summary>What the lowering counted for this version: its guards, and the cell machine code
    /// bumps before each of its type tests when counting is on (where the dynamic type tests of a
    /// run are: --dump-versions).</summary>
    public RegionTally Tally { get; internal set; } = new();
    public ExitCounter? TypeTestCounter => Tally.TypeTests;
    /// <summary>Type guards emitted in this version.</summary>
    public int GuardsEmitted => Tally.GuardsEmitted;
    /// <summary>Bytes of machine code (entry to end of its straight-line code in the unit).</summary>
    public int CodeBytes { get; internal set; }
    /// <summary>The unit it was published in (for --dump-asm).</summary>
    public string UnitName { get; internal set; } = "";

    public bool IsPublished => Address != 0;

    /// <summary>The int locals its code finds in their registers, their frame slots stale
    /// (docs/JIT-CORE.md, "The register cache across block edges"). <see cref="Address"/> (and
    /// <see cref="EntryLabel"/>) loads them from the frame first; code with them already there jumps
    /// to <see cref="BodyAddress"/> (<see cref="Label"/>).</summary>
    public ulong CachedLocals { get; init; }
    /// <summary>The entry that loads <see cref="CachedLocals"/> (<see cref="Label"/> when there are none).</summary>
    internal Label EntryLabel { get; set; }
    /// <summary>Published address of the code after the loads of <see cref="CachedLocals"/>.</summary>
    public nint BodyAddress { get; internal set; }
    /// <summary>Where code with <see cref="CachedLocals"/> in their registers enters it.</summary>
    internal nint Body => CachedLocals == 0 ? Address : BodyAddress;
}
