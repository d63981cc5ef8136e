// What a frontend decides while the shared lowering turns its region's ops into stencils: where
// control goes when a guard fails, when a fast path declines and at a branch, whether an op may
// speculate or defer, and how a direct call enters its callee. The two frontends differ here
// (and in region selection) and nowhere else; docs/JIT-CORE.md describes both implementations.
using Lbbv.Backend.Emission;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering;

public interface IExitPolicy
{
    /// <summary>False when the op at the lowering's offset must run unspecialized: no guess, no look
    /// at live values (LBBV: the code compiled after a guard chain reached its cap or a fast path
    /// declined there).</summary>
    bool MaySpeculate { get; }

    /// <summary>True when an op with nothing to speculate on should end the straight-line code here,
    /// to be compiled when first reached with its live values in view (YJIT's defer_compilation).
    /// The lowering then jumps to <see cref="BranchTo"/> of the op's own offset.</summary>
    bool MayDefer { get; }

    /// <summary>True when a branch may go where a jump's target op would send it (a compare followed
    /// by `Jump T` where T is a PopJumpIf: one compare-and-branch to T's targets). A tracer, which
    /// follows the ops it recorded one by one, says false.</summary>
    bool MayThreadJumps => false;

    /// <summary>Where a guard of the current op goes when it fails, the frame holding
    /// <paramref name="context"/> (LBBV: a chain stub that compiles a version for the value's actual
    /// type; a tracer: a side exit with a snapshot). The operand is a label of the unit or a code
    /// address; the lowering emits the guard's branch to it.</summary>
    Operand GuardFailed(TypeContext context);

    /// <summary>Where the current op goes when its class-version guard fails: a class changed after
    /// the code was compiled, so nothing about the op's values is wrong, only the code (LBBV: a stub
    /// that selects, or compiles, a version valid under the new class version). By default, where
    /// any guard goes.</summary>
    Operand ClassVersionFailed(TypeContext context) => GuardFailed(context);

    /// <summary>Where the current op goes when its fast path declines (an int overflow, a zero
    /// divisor): code that runs the op unspecialized (LBBV: a version compiled for that; a tracer:
    /// a side exit).</summary>
    Operand Declined(TypeContext context);

    /// <summary>The target of a branch to bytecode offset <paramref name="target"/> that is not the
    /// straight-line continuation (the other side of a conditional, a loop exit, a deferred op),
    /// entered with <paramref name="context"/>. The lowering emits the conditional or unconditional
    /// jump to it; the policy materializes what its target expects first.</summary>
    Operand BranchTo(int target, TypeContext context);

    /// <summary>The straight-line code continues at <paramref name="target"/> with
    /// <paramref name="context"/> (a fall-through, a jump, the other side of a branch). The
    /// lowering returns false after it: the frontend decides what comes next (LBBV ends the version
    /// and places the successor's right after it; a tracer goes on with its next recorded op).</summary>
    void ContinueAt(int target, TypeContext context);

    /// <summary>The JIT record of <paramref name="callee"/>'s code when the frontend compiles it
    /// (null: calls of it go through a helper).</summary>
    JitCode? CodeOf(CodeRuntime callee);

    /// <summary>True when return sites report the type they prove and direct calls continue typed
    /// by it (LBBV's return versioning, docs/LBBV.md); a frontend whose records carry other bits in
    /// the reason (the tracer's exit ids) leaves it false.</summary>
    bool TypedReturns => false;

    /// <summary>True when a list's element kind may be guarded to type the items loaded from it
    /// (docs/LBBV.md, "List element kinds").</summary>
    bool TypedListItems => true;

    /// <summary>True when the code being compiled is entered by every context that no specialized
    /// code admits (LBBV: a block's generic version, the fallback at the version cap), so the live
    /// values it is compiled over are one sample of many: an int seen big may be small next time
    /// (Speculation.MaySpeculateInteger).</summary>
    bool ServesEveryContext => false;

    /// <summary>True when the code after a GetIter may test the new iterator's kind once, so that the
    /// loop header is entered with it proven (docs/LBBV.md, "Proven iterators"): only where the
    /// policy keys code on <see cref="ProvenIterators"/>.</summary>
    bool ProvesIterators => false;

    /// <summary>Whether an attribute or method load whose receiver's class is not known may compile
    /// to a polymorphic inline cache over the classes its site has seen (a few class checks in a
    /// row, each with its own slot or method). False by default (a trace sees one class).</summary>
    bool PolymorphicCaches => false;

    /// <summary>Where one class entry of a method load's polymorphic inline cache continues: the
    /// op at <paramref name="target"/> (the call), compiled when first reached with the method it
    /// loaded live (null: the frontend has no such continuation).</summary>
    Operand? PolymorphicCase(int target, TypeContext context) => null;

    /// <summary>Where a polymorphic inline cache goes when a class changed since it was compiled (its
    /// entries may be wrong): code for the op compiled anew (null: the generic op right here).</summary>
    Operand? PolymorphicCacheStale(TypeContext context) => null;

    /// <summary>Whether a call of a small straight-line leaf function whose arguments are ints or
    /// floats may run the callee's ops inline, without a frame push (LBBV; docs/JIT-CORE.md).</summary>
    bool InlinesLeafCalls => false;

    /// <summary>The indirect slot a direct call enters <paramref name="callee"/> through, for the
    /// argument types the caller knows (<paramref name="kind"/> names it in listings: "call",
    /// "init"). False when the slot cannot be allocated.</summary>
    bool TryCalleeEntry(JitCode callee, ReadOnlySpan<AbstractType> argumentTypes, string kind, out IndirectSlot entry);
}
