using Lbbv.Bytecode;
using Lbbv.Jit;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

/// <summary>The version table of one code object: every block's versions by start offset.</summary>
public sealed class CodeVersions : JitCode
{
    private readonly Dictionary<int, List<BlockVersion>> _byOffset = [];

    public CodeVersions(CodeRuntime code) : base(code)
    {
        _masks = new (ulong, ulong)[Shape.Length + 1];
        _maskReady = new bool[Shape.Length + 1];
        _loopVariables = new int[Shape.Length + 1];
    }

    /// <summary>Whether entering this code at its call pays off (see LbbvTier.OnEntry).</summary>
    public bool WorthEntering { get; internal set; } = true;

    /// <summary>The valid versions of the block at <paramref name="offset"/> (stale ones pruned).</summary>
    public IReadOnlyList<BlockVersion> VersionsAt(int offset)
    {
        PruneStale();
        return _byOffset.TryGetValue(offset, out var list) ? list : [];
    }

    public IEnumerable<KeyValuePair<int, List<BlockVersion>>> Blocks
    {
        get
        {
            PruneStale();
            return _byOffset.OrderBy(p => p.Key);
        }
    }

    /// <summary>Versions removed from the table because a class changed after they were compiled.</summary>
    public int VersionsInvalidated { get; private set; }

    /// <summary>The versions pruned so far, for --dump-versions (their code may still run: code published
    /// before the change jumps to them until their class-version guard fails).</summary>
    public IReadOnlyList<BlockVersion> Pruned => _pruned;
    private readonly List<BlockVersion> _pruned = [];

    private int _prunedAtClassVersion;
    private int _pruneRounds;

    /// <summary>Changes of the class version after which a code's stale versions are still pruned. A program
    /// that changes a class or rebinds a watched global in its hot loop would otherwise make its code be
    /// compiled again on every iteration (fuzz seed 2606: 48,854 units); past the budget, stale versions stay
    /// in the table and count against the cap, and failed class-version guards chain, so the code settles
    /// into its generic versions as it did before pruning.</summary>
    public const int MaxPruneRounds = 8;

    /// <summary>Whether stale versions are still pruned (the invalidation budget is not used up).</summary>
    public bool PrunesStale => _pruneRounds < MaxPruneRounds;

    /// <summary>Once per change of the class version: removes the versions whose class-version guard can no
    /// longer pass, so that selection never links to them again and they do not count against the version
    /// cap (YJIT frees invalidated blocks the same way). Their code stays where it is: code published
    /// earlier may still jump to it, and its failing guard then chains to a valid version.</summary>
    private void PruneStale()
    {
        int now = ClassObject.GlobalVersion;
        if (_prunedAtClassVersion == now || !PrunesStale) return;
        _prunedAtClassVersion = now;
        int removed = 0;
        foreach (var list in _byOffset.Values)
        {
            _pruned.AddRange(list.Where(v => v.IsStale));
            removed += list.RemoveAll(v => v.IsStale);
        }
        VersionsInvalidated += removed;
        if (removed > 0) _pruneRounds++;
    }

    internal void Add(BlockVersion version)
    {
        if (!_byOffset.TryGetValue(version.Offset, out var list)) _byOffset[version.Offset] = list = [];
        list.Add(version);
    }

    internal void Remove(BlockVersion version)
    {
        if (_byOffset.TryGetValue(version.Offset, out var list)) list.Remove(version);
    }

    /// <summary>The context of a block entry, in canonical form: slots past the live stack are
    /// Unknown, and dead locals (never read again before a store) carry no type, so they never split
    /// versions. Applied as a nibble mask computed once per offset. One exception: at a `for` loop's
    /// header, its loop variable (dead there: the step stores it) keeps the type Int when it has it,
    /// and none otherwise, so the back edge enters a version whose range step writes the variable's
    /// payload only (its slot holds the int tag already); an entry from before the loop knows nothing of
    /// it, which is at most one more version of the header.</summary>
    public TypeContext Canonical(TypeContext context, int offset)
    {
        if ((uint)offset >= (uint)_masks.Length) return context.KeepFirst(Code.SlotCount);
        PrepareEntry(offset);
        var (low, high) = _masks[offset];
        var canonical = context.Masked(low, high);
        return _loopVariables[offset] is >= 0 and var variable && context.Get(variable) == AbstractType.Int
            ? canonical.With(variable, AbstractType.Int) : canonical;
    }

    /// <summary>An entry from the interpreter at <paramref name="offset"/>, before <see cref="Canonical"/>:
    /// a loop header's variable is left untyped there, so that the entry shares its version with the
    /// entries from before the loop (the variable is seldom Int there: nbody's `i` is not, after its inner
    /// loop) and only back edges that know it reach the version that writes its payload only.</summary>
    public TypeContext FromInterpreter(TypeContext context, int offset) =>
        LoopVariable(offset) is >= 0 and var variable ? context.With(variable, AbstractType.Unknown) : context;

    /// <summary>The loop variable <see cref="Canonical"/> keeps at <paramref name="offset"/> (a `for` loop's
    /// header), else -1.</summary>
    public int LoopVariable(int offset)
    {
        if ((uint)offset >= (uint)_masks.Length) return -1;
        PrepareEntry(offset);
        return _loopVariables[offset];
    }

    /// <summary>Computes, once per offset, the mask of what an entry's context keeps and the loop
    /// variable kept beside it.</summary>
    private void PrepareEntry(int offset)
    {
        if (_maskReady[offset]) return;
        _loopVariables[offset] = LoopVariableAt(offset);
        var mask = TypeContext.FromBits(ulong.MaxValue, ulong.MaxValue)
            .KeepFirst(Code.SlotCount + Math.Max(0, Shape.DepthAt(offset)));
        ulong live = Shape.LiveLocalsAt(offset);
        int locals = Math.Min(Code.Code.VarNames.Length, Math.Min(64, TypeContext.Capacity));
        for (int s = 0; s < locals; s++)
            if ((live & (1UL << s)) == 0) mask = mask.With(s, AbstractType.Unknown);
        _masks[offset] = (mask.Low, mask.High);
        _maskReady[offset] = true;
    }

    /// <summary>The local a ForIter at <paramref name="offset"/> stores its item into (the StoreFast right
    /// after it), when that local is dead at the header and a context names it; else -1.</summary>
    private int LoopVariableAt(int offset)
    {
        if (offset + 1 >= Shape.Length || OpcodeInfo.OpOf(InstrAt(offset)) != Opcode.ForIter) return -1;
        int next = InstrAt(offset + 1);
        if (OpcodeInfo.OpOf(next) != Opcode.StoreFast || Shape.IsJumpTarget(offset + 1)) return -1;
        int local = OpcodeInfo.ArgOf(next);
        bool dead = local < 64 && (Shape.LiveLocalsAt(offset) & (1UL << local)) == 0;
        return dead && local < Math.Min(Code.Code.VarNames.Length, TypeContext.Capacity) ? local : -1;
    }

    /// <summary>The proven iterators of a block entry, in canonical form: only the stack entries the
    /// block is entered with (a loop's exit drops its iterator's).</summary>
    public ulong CanonicalIterators(ulong iterators, int offset) =>
        (uint)offset < (uint)Shape.Length ? Jit.Lowering.ProvenIterators.Below(iterators, Shape.DepthAt(offset)) : 0;

    /// <summary>The int locals versions may keep in registers across block edges, by offset.</summary>
    internal LoopRegisterLocals Loops => _loops ??= new LoopRegisterLocals(this);

    private LoopRegisterLocals? _loops;
    private readonly (ulong Low, ulong High)[] _masks = [];
    private readonly bool[] _maskReady = [];
    private readonly int[] _loopVariables = [];
}
