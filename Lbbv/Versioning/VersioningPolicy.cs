// LBBV's answers to the shared lowering: a failed guard chains to a new version of the op through
// an indirect slot, a branch goes to a version of the successor block (selected now, or compiled
// by a stub when first taken), the fall-through successor is placed right after, and an op with
// nothing to speculate on is deferred until it is reached with its values live.
using Lbbv.Backend.Emission;
using Lbbv.Jit;
using Lbbv.Jit.Frames;
using Lbbv.Jit.Lowering;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Versioning;

internal sealed class VersioningPolicy(LbbvTier tier, UnitCompiler units, Lowerer lowerer, LbbvOptions options) : IExitPolicy
{
    private BlockVersion _version = null!;
    /// <summary>The offset whose op runs unspecialized in this version (its first op, in a version
    /// compiled at the chain cap or after a declined fast path), or -1.</summary>
    private int _noSpeculationAt = -1;

    private CodeVersions Code => (CodeVersions)lowerer.Code;
    private string Name(int offset) => $"{Code.Code.Code.QualName}@{offset}";

    /// <summary>Starts a version: its first op runs unspecialized when <paramref name="noSpeculationAtStart"/>.</summary>
    public void EnterVersion(BlockVersion version, bool noSpeculationAtStart)
    {
        _version = version;
        _noSpeculationAt = noSpeculationAtStart ? version.Offset : -1;
    }

    /// <summary>Only the version's first op is ever unspecialized.</summary>
    public void OpLowered() => _noSpeculationAt = -1;

    public bool MaySpeculate => _noSpeculationAt != lowerer.Offset;

    /// <summary>Only mid-version (a version's first op is compiled with its values live when they
    /// can be) and when the op may speculate.</summary>
    public bool MayDefer => lowerer.Offset != _version.Offset && MaySpeculate;

    /// <summary>Generic versions: the fallback at a block's cap, every version of `--max-versions 1`.</summary>
    public bool ServesEveryContext => _version.IsGeneric;

    /// <summary>A compare, `Jump T` and T's PopJumpIf become one compare-and-branch (CompareOps).</summary>
    public bool MayThreadJumps => true;

    public Operand GuardFailed(TypeContext context) =>
        SlotJump(new CompileRequest(RequestKind.Chain, Code, lowerer.Offset, context, IteratorsAt(lowerer.Offset)),
            $"{Name(lowerer.Offset)}:chain");

    /// <summary>The native iterator kinds proven here for the stack entries a block at
    /// <paramref name="target"/> is entered with; none when versioning is off (`--max-versions 1`,
    /// the baseline type tests eliminated are measured against).</summary>
    public ulong IteratorsAt(int target) =>
        ProvesIterators ? Code.CanonicalIterators(lowerer.Frame.ProvenIterators(classVersion: true), target) : 0;

    /// <summary>A class changed since this version was compiled: the version is stale (CodeVersions
    /// prunes it), and a stub selects the valid version of (op, context), compiling it when there is
    /// none, so that every stale copy of the op leads to the same new code instead of a chain each.</summary>
    public Operand ClassVersionFailed(TypeContext context) => Code.PrunesStale
        ? SlotJump(new CompileRequest(RequestKind.Revalidate, Code, lowerer.Offset, context, IteratorsAt(lowerer.Offset)),
            $"{Name(lowerer.Offset)}:revalidate")
        : GuardFailed(context);

    /// <summary>A stub that compiles, once per (op, context), a version that runs the op
    /// unspecialized (the interpreter's implementation: big ints, exceptions) and continues in
    /// machine code. Before this, such a decline left to the interpreter, which in a directly
    /// called frame means finishing the whole call there.</summary>
    public Operand Declined(TypeContext context) =>
        SlotJump(new CompileRequest(RequestKind.Unspecialized, Code, lowerer.Offset, context, IteratorsAt(lowerer.Offset)),
            $"{Name(lowerer.Offset)}:declined");

    /// <summary>An existing version of the target block directly, else a stub that compiles it when first taken.</summary>
    public Operand BranchTo(int target, TypeContext context)
    {
        ulong flow = lowerer.Frame.CachedLocals;
        lowerer.Frame.MaterializeStack(); // successors find the whole stack in the frame
        context = Code.Canonical(context, target);
        ulong iterators = IteratorsAt(target);
        var selection = VersionSelector.Select(Code.VersionsAt(target), context, options.MaxVersions, iterators,
            Code.LoopVariable(target));
        if (selection.Existing is { } v)
        {
            // Straight to its body when it caches exactly these locals; else out of line, with every
            // cached local written back (ColdPath), to its body (those it caches are still in their
            // registers) or its entry, which loads them.
            // (A local whose slot's tag may be stale is written first, out of line: the version takes
            // its tag as exact.)
            if (v.CachedLocals == flow && !lowerer.Frame.HasStaleTags(flow)) return UnitCompiler.BodyOf(v);
            var unit = lowerer.Unit;
            var jump = lowerer.Stencils.Control.Jump;
            var to = (v.CachedLocals & ~flow) == 0 ? UnitCompiler.BodyOf(v)
                : v.IsPublished ? Operand.Code(v.Address) : Operand.To(v.EntryLabel);
            return Operand.To(lowerer.Emitter.ColdPath(() => unit.Emit(jump, to)));
        }
        return SlotJump(new CompileRequest(RequestKind.Block, Code, target, context, iterators), Name(target));
    }

    public void ContinueAt(int target, TypeContext context) => units.FallThrough(target, context);

    public JitCode? CodeOf(CodeRuntime callee) => tier.VersionsOf(callee);

    /// <summary>Return versioning is versioning: `--max-versions 1`, the baseline that type tests
    /// eliminated are measured against, has none.</summary>
    public bool TypedReturns => options.ReturnVersioning && options.MaxVersions > 1;

    public bool InlinesLeafCalls => options.InlineLeafCalls && options.MaxVersions > 1;

    /// <summary>Likewise for list element kinds: the baseline keeps the JIT as it was before both.</summary>
    public bool TypedListItems => options.ListElementKinds && options.MaxVersions > 1;

    /// <summary>Polymorphic inline caches stand in for versions past the cap: not under `--max-versions 1`.</summary>
    public bool PolymorphicCaches => options.MaxVersions > 1 && tier.MayCache(Code, lowerer.Offset);

    public Operand? PolymorphicCase(int target, TypeContext context) =>
        SlotJump(new CompileRequest(RequestKind.Case, Code, target, context, IteratorsAt(target)), $"{Name(target)}:case");

    public Operand? PolymorphicCacheStale(TypeContext context) =>
        SlotJump(new CompileRequest(RequestKind.Refresh, Code, lowerer.Offset, context, IteratorsAt(lowerer.Offset)),
            $"{Name(lowerer.Offset)}:refresh");

    /// <summary>Versions keyed on proven iterators are versioning too: not under `--max-versions 1`.</summary>
    public bool ProvesIterators => options.MaxVersions > 1;

    public bool TryCalleeEntry(JitCode callee, ReadOnlySpan<AbstractType> argumentTypes, string kind, out IndirectSlot entry)
    {
        var versions = (CodeVersions)callee;
        var context = WithArgumentClasses(CalleeEntryContext(versions, argumentTypes), argumentTypes.Length, kind);
        var request = new CompileRequest(RequestKind.Block, versions, 0, versions.Canonical(context, 0));
        return tier.TryAllocateSlot(request, $"{versions.Code.Code.QualName}@0:{kind}", out entry);
    }

    /// <summary>The callee's entry context: the argument types the caller knows, its closure's cells
    /// (heap objects), every other local unbound.</summary>
    private static TypeContext CalleeEntryContext(CodeVersions callee, ReadOnlySpan<AbstractType> arguments)
    {
        var context = TypeContext.Generic;
        var code = callee.Code.Code;
        int firstFree = code.VarNames.Length + code.CellVars.Length;
        int slots = Math.Min(callee.Code.SlotCount, TypeContext.Capacity);
        for (int i = 0; i < slots; i++)
            context = context.With(i, i < arguments.Length ? arguments[i] : i < firstFree ? AbstractType.Empty : AbstractType.Heap);
        return callee.Canonical(context, 0);
    }

    /// <summary>The callee's entry context with the classes the caller knows of its arguments (the top
    /// <paramref name="count"/> stack entries: a method's self after LoadMethod checked it, an object
    /// whose class an earlier check, a record or the caller's own context gave), while they hold here
    /// (<see cref="AbstractFrame.ClassFactsHold"/>: true at the call, which runs no code before the entry).
    /// An `__init__` called by an instantiation (<paramref name="kind"/> "init") gets the instance of the
    /// class the instantiation checked (the callable under the arguments) as self.</summary>
    private TypeContext WithArgumentClasses(TypeContext context, int count, string kind)
    {
        var frame = lowerer.Frame;
        if (frame.Classes is not { } classes || !frame.ClassFactsHold) return context;
        bool init = kind == "init";
        int onStack = init ? count - 1 : count;
        if (onStack > frame.Depth) return context;
        for (int i = 0; i < onStack; i++)
        {
            int argument = init ? i + 1 : i;
            if (frame.KnownClass(frame.Top(onStack - 1 - i)) is not 0 and var cls)
                context = context.WithClass(argument, classes.IdOf(cls));
        }
        if (init && frame.TryLive(frame.Top(onStack), out var callable) && callable.Is(ObjectKind.Class))
            context = context.WithClass(0, classes.IdOf((nint)callable.Payload));
        return context;
    }

    /// <summary>An out-of-line jump through a fresh indirect slot whose stub compiles <paramref name="request"/>.</summary>
    public Operand SlotJump(CompileRequest request, string name)
    {
        var emitter = lowerer.Emitter;
        if (!tier.TryAllocateSlot(request, name, out var slot)) return emitter.ColdExit(ExitReason.CompileFailed);
        var indirect = lowerer.Statistics.IndirectJumps;
        var unit = lowerer.Unit;
        return emitter.ColdPath(() => unit.EmitSlotJump(slot, indirect));
    }
}
