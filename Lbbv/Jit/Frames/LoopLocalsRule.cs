// Which locals a loop keeps in the register cache across its edges (docs/JIT-CORE.md, "The register
// cache across block edges"): one rule, folded over the loop's ops by both frontends (LBBV walks the
// bytecode between a loop header and its back edge, the tracer the ops of its peeled body).
using Lbbv.Bytecode;

namespace Lbbv.Jit.Frames;

/// <summary>
/// The locals a loop stores to, when every op of the loop is one that keeps cached locals
/// (<see cref="AbstractFrame.LoopKeepsLocals"/>); a ForIter's loop variable is written to its slot by
/// the ForIter and never cached. Feed the loop's ops in order with <see cref="Add"/>; then
/// <see cref="Ints"/> and <see cref="Floats"/> pick at most one local per register among those a
/// frontend knows (or allows) to hold ints or floats.
/// </summary>
public struct LoopLocalsRule(int slotCount)
{
    private ulong _stored, _loopVariables;
    private Opcode _previous = Opcode.Nop;

    /// <summary>False once an op that writes cached locals back on every iteration was seen: the
    /// loop keeps no int local.</summary>
    public bool Keeps { get; private set; } = true;

    /// <summary>False once an op that writes cached float locals back on every iteration was seen
    /// (<see cref="AbstractFrame.LoopKeepsFloatLocals"/>): the loop keeps none.</summary>
    public bool KeepsFloats { get; private set; } = true;

    // Since the last LoadGlobal only loads of locals and constants: a Call now may be of a leaf LBBV
    // inlines (its arguments plain ints or floats), which keeps the float locals.
    private bool _plainCall;

    /// <summary>A Call taken as an inlined leaf's was seen: the loop is one whose float locals stay in
    /// registers by default (<see cref="LeafLoopFloats"/>).</summary>
    public bool CallsLeaf { get; private set; }

    /// <summary>The loop's next op. False (and the loop keeps nothing) when it keeps no cached local.
    /// <paramref name="knownLeaf"/>: a Call the frontend knows to be an inlined leaf's (the tracer's);
    /// else only a call of a global with plain arguments (`f(i, j)`) is taken as one.</summary>
    public bool Add(Opcode op, int arg, bool knownLeaf = false)
    {
        if (!KeepsFloats) return false;
        if (!AbstractFrame.LoopKeepsLocals(op))
        {
            Keeps = false;
            if (!AbstractFrame.LoopKeepsFloatLocals(op) || op == Opcode.Call && !knownLeaf && !_plainCall)
                return KeepsFloats = false;
        }
        if (op == Opcode.Call) CallsLeaf = true;
        _plainCall = op == Opcode.LoadGlobal || _plainCall && op is Opcode.LoadFast or Opcode.LoadConst;
        if (op == Opcode.StoreFast && arg is >= 0 and < 64 && arg < slotCount)
        {
            _stored |= 1UL << arg;
            if (_previous == Opcode.ForIter) _loopVariables |= 1UL << arg;
        }
        _previous = op;
        return true;
    }

    /// <summary>The stored locals (of <paramref name="candidates"/>: those that may hold ints) kept in
    /// their int registers, one per register.</summary>
    public readonly ulong Ints(ulong candidates = ulong.MaxValue) =>
        Keeps ? AbstractFrame.OnePerRegister(_stored & ~_loopVariables & candidates) : 0;

    /// <summary><see cref="Floats"/> of a loop that calls a leaf (spectral_norm's `s += f(i, j) * v[j]`), else
    /// none: float loop registers on by default (docs/JIT-CORE.md, "Float locals across leaf calls and item
    /// reads"; in other loops they cost instructions, `--float-loop-registers` turns them on there).</summary>
    public readonly ulong LeafLoopFloats(ulong candidates = ulong.MaxValue) => CallsLeaf ? Floats(candidates) : 0;

    /// <summary>The stored locals (of <paramref name="candidates"/>) kept in their float registers.</summary>
    public readonly ulong Floats(ulong candidates = ulong.MaxValue) =>
        KeepsFloats ? AbstractFrame.OnePerXmmRegister(_stored & ~_loopVariables & candidates) : 0;
}
