namespace Lbbv.Jit.Linking;

/// <summary>
/// What the <see cref="Linker"/> needs from a JIT frontend, in every link mode; LBBV implements it
/// (LbbvTier) and a trace frontend implements it the same way for its trace entries, side exits
/// and bridges. The rest of the contract is what the frontend does, not what it answers
/// (docs/LINKING.md, "How a frontend links"):
/// <list type="number">
/// <item>emit every jump or call to code that is compiled later through a slot, with
/// <c>CodeUnitBuilder.EmitSlotJump</c> / <c>EmitSlotCall</c> (so that each is a link site the
/// patcher and the re-emitter know), and begin each unit with the frontend's group
/// (<c>Lowerer.BeginUnit(name, group)</c>: units of one group are emitted again together);</item>
/// <item>in its <see cref="ILazyCompiler.CompileForSlot"/>, compile the slot's target and call
/// <see cref="Linker.Resolve"/> (never write the slot itself);</item>
/// <item>keep the addresses it enters code at (version or trace entries) up to date from
/// <see cref="CodeMoved"/>.</item>
/// </list>
/// </summary>
public interface ILinkingFrontend
{
    /// <summary><c>--link reemit</c>: units were emitted again as <paramref name="unitName"/>; each
    /// label of the replaced copies (<paramref name="moves"/>: old address, new address) is now in
    /// the new copy. The frontend moves its entries (a version's address, a trace's entry) so that
    /// the interpreter enters the newest copy; the old copies stay valid for frames still in them.</summary>
    void CodeMoved(IReadOnlyList<(nint From, nint To)> moves, string unitName);

    /// <summary><c>--link reemit</c>: every code address the frontend may enter code at or emit a direct
    /// jump to later (version or trace entries, moved or not). A replaced copy holding one of them
    /// is never reclaimed (docs/LINKING.md, "Superseded copies").</summary>
    IEnumerable<nint> HeldCodeAddresses();
}
