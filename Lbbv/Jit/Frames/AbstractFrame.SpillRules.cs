// The abstract frame's spill rules (docs/JIT-CORE.md, "The register cache", "Spill rules"): what is
// written to the frame, where, and why (counted by SpillReason), so that every reader of the frame
// finds it exact — an op that reads an operand's slot, a block end, a helper call, an exit, a stub, a
// save. Pending stack entries (copies of locals, constants) are written; stack entries and locals
// cached in registers are spilled or written back.
using Lbbv.Types;

namespace Lbbv.Jit.Frames;

public sealed partial class AbstractFrame
{
    /// <summary>The writes that would materialize the stack now, for an out-of-line path to emit.</summary>
    public PendingWrite[] PendingWrites()
    {
        List<PendingWrite>? writes = CachedLocalWrites(); // before the copies that read them
        for (int e = 0; e < Depth; e++)
        {
            ref readonly var s = ref _slots[StackSlot(e)];
            if (s.InRegister) (writes ??= []).Add(PendingWrite.Spill(StackSlot(e), s.IntRegister));
            else if (s.PendingConstant is { } constant)
                (writes ??= []).Add(new PendingWrite(-1, StackSlot(e), constant));
            else if (s.PendingCopy) (writes ??= []).Add(new PendingWrite(s.Alias, StackSlot(e), default));
        }
        return writes?.ToArray() ?? [];
    }

    /// <summary>Writes <paramref name="slot"/> if it is pending or cached in a register: the frame then
    /// holds its value.</summary>
    public void Materialize(int slot)
    {
        if (_slots[slot].InRegister) Spill(slot, SpillReason.Frame);
        if (_slots[slot].PendingConstant is { } constant)
        {
            _writer.Write(new PendingWrite(-1, slot, constant));
            _slots[slot] = _slots[slot] with { PendingConstant = null };
        }
        if (slot < LocalCount || !_slots[slot].PendingCopy) return;
        WriteBackAliasedLocal(slot, SpillReason.Frame);
        _writer.Write(new PendingWrite(_slots[slot].Alias, slot, default));
        _slots[slot] = _slots[slot] with { PendingCopy = false };
    }

    /// <summary>Takes every pending stack entry as written, emitting nothing: for code reached only
    /// through a path that writes them (<see cref="PendingWrites"/>) first. Cached entries must have
    /// been spilled.</summary>
    public void AssumeWritten()
    {
        for (int e = 0; e < Depth; e++)
        {
            int s = StackSlot(e);
            if (_slots[s].InRegister) throw new InvalidOperationException("a register-cached entry taken as written");
            _slots[s] = _slots[s] with { PendingConstant = null, PendingCopy = false };
        }
    }

    /// <summary>Writes every pending stack entry: the frame then holds the whole operand stack.</summary>
    public void MaterializeAll()
    {
        for (int e = 0; e < Depth; e++) Materialize(StackSlot(e));
        WriteBackLocals(SpillReason.Frame);
    }

    /// <summary>Writes the value cached in <paramref name="slot"/>'s register to the slot.</summary>
    public void Spill(int slot, SpillReason reason)
    {
        if (!_slots[slot].InRegister) return;
        _writer.Write(SpillWrite(slot));
        _slots[slot] = _slots[slot] with { InRegister = false, IntRegister = false };
        Counts.CountSpill(reason);
    }

    /// <summary>Writes every register-cached entry to the frame (before code that may reuse the
    /// registers or read the frame generically).</summary>
    public void SpillRegisters(SpillReason reason)
    {
        for (int e = 0; e < Depth; e++) Spill(StackSlot(e), reason);
        WriteBackLocals(reason);
    }

    /// <summary>As <see cref="SpillRegisters"/>, for the stack entries below <paramref name="depth"/> only.</summary>
    /// <remarks><paramref name="keepFloatLocals"/>: the locals cached in xmm12..xmm15 stay (a slow path that
    /// writes them back around its helper and loads them again, Emitter.ColdHelper).</remarks>
    public void SpillRegistersBelow(int depth, SpillReason reason, bool keepFloatLocals = false)
    {
        for (int e = 0; e < depth; e++) Spill(StackSlot(e), reason);
        if (keepFloatLocals) WriteBackIntLocals(reason);
        else WriteBackLocals(reason);
    }

    /// <summary>Before an op writes its result into <paramref name="slot"/>'s float register (int
    /// register when <paramref name="isInt"/>): spills any other entry cached there, except
    /// <paramref name="slot"/> and <paramref name="operand"/> (the op's own operands, consumed by it).</summary>
    public void FreeRegisterFor(int slot, int operand, bool isInt = false)
    {
        for (int e = 0; e < Depth; e++)
        {
            int s = StackSlot(e);
            if (s == slot || s == operand || !_slots[s].InRegister || _slots[s].IntRegister != isInt) continue;
            bool same = isInt ? IntRegisterOf(s) == IntRegisterOf(slot) : RegisterOf(s) == RegisterOf(slot);
            if (same) Spill(s, SpillReason.Conflict);
        }
        if (isInt) FreeLocalRegister(IntRegisterOf(slot), keep: -1);
    }

    /// <summary>Writes back every cached local (its frame slot exact again; it leaves the cache).</summary>
    public void WriteBackLocals(SpillReason reason)
    {
        if ((CacheableLocals | CacheableFloatLocals) == 0) return;
        foreach (int s in Allowed()) Spill(s, reason);
    }

    /// <summary>Writes every pending or register-cached stack entry, keeping cached locals (a block
    /// edge whose successor is compiled for them).</summary>
    public void MaterializeStack()
    {
        for (int e = 0; e < Depth; e++)
        {
            int slot = StackSlot(e);
            if (_slots[slot].InRegister) Spill(slot, SpillReason.Frame);
            Materialize(slot);
        }
    }

    /// <summary>As <see cref="SpillRegisters"/>, for the stack entries only.</summary>
    public void SpillStackRegisters(SpillReason reason)
    {
        for (int e = 0; e < Depth; e++) Spill(StackSlot(e), reason);
    }

    /// <summary>Writes back the cached local held in int register <paramref name="register"/>, unless it
    /// is <paramref name="keep"/> (the register is about to be written).</summary>
    public void FreeLocalRegister(int register, int keep)
    {
        if (CacheableLocals == 0) return;
        foreach (int s in Allowed())
            if (s != keep && _slots[s].InRegister && _slots[s].IntRegister && IntRegisterOf(s) == register)
                Spill(s, SpillReason.Conflict);
    }

    /// <summary>Before a result is written to int register <paramref name="register"/>: spills every stack
    /// entry cached there but <paramref name="keepStack"/> and writes back every local cached there but
    /// <paramref name="keepLocal"/> (-1: none kept).</summary>
    public void FreeIntRegister(int register, int keepStack, int keepLocal)
    {
        for (int e = 0; e < Depth; e++)
        {
            int s = StackSlot(e);
            if (s != keepStack && InGpr(s) && IntRegisterOf(s) == register) Spill(s, SpillReason.Conflict);
        }
        FreeLocalRegister(register, keepLocal);
    }

    /// <summary>Whether a local of <paramref name="locals"/> is cached and its frame slot's tag may not be
    /// its type's (its type changed since the slot was last written, an int that became a float and an
    /// int again, or its type at the version's entry was not known): code compiled with it cached takes
    /// the slot's tag as exact (<see cref="EnterCachedLocals"/>).</summary>
    public bool HasStaleTags(ulong locals)
    {
        foreach (int s in Allowed())
            if ((locals >> s & 1) != 0 && StaleTag(s)) return true;
        return false;
    }

    /// <summary>Before an edge into code compiled with <paramref name="locals"/> cached: writes each of
    /// them whose frame tag may be stale to its slot, tag and all, and keeps it cached.</summary>
    public void WriteStaleTags(ulong locals)
    {
        foreach (int s in Allowed())
        {
            if ((locals >> s & 1) == 0 || !StaleTag(s)) continue;
            _writer.Write(SpillWrite(s));
            Counts.CountSpill(SpillReason.Frame);
            _slots[s] = _slots[s] with { FrameTagInt = _slots[s].IntRegister, FrameTagFloat = !_slots[s].IntRegister };
        }
    }

    private bool StaleTag(int local) => _slots[local].InRegister
        && (_slots[local].IntRegister ? !_slots[local].FrameTagInt : !_slots[local].FrameTagFloat);

    /// <summary>The write of the value cached in <paramref name="slot"/>'s register to the slot (only the
    /// payload for a cached local whose slot holds its type's tag).</summary>
    private PendingWrite SpillWrite(int slot) => slot < LocalCount && !_slots[slot].IntRegister
        ? PendingWrite.Spill(slot) with { LocalXmm = true, PayloadOnly = _slots[slot].FrameTagFloat }
        : PendingWrite.Spill(slot, _slots[slot].IntRegister) with
        {
            PayloadOnly = slot < LocalCount && _slots[slot].IntRegister && _slots[slot].FrameTagInt,
        };

    private void WriteBackAliasedLocal(int slot, SpillReason reason)
    {
        if (slot >= LocalCount && _slots[slot].PendingCopy && _slots[slot].Alias is >= 0 and var local
            && _slots[local].InRegister)
            Spill(local, reason);
    }

    /// <summary>Writes back the locals cached in int registers (an inlined leaf's code reuses rbx, r14
    /// and r15); the float locals stay in xmm12..xmm15, which no stencil of such code touches.</summary>
    public void WriteBackIntLocals(SpillReason reason)
    {
        if (CacheableLocals == 0) return;
        foreach (int s in Allowed())
            if (_slots[s].InRegister && _slots[s].IntRegister) Spill(s, reason);
    }

    /// <summary>The write-backs of the locals cached now (none when none is), for a path that leaves
    /// from code lowered in another frame (an inlined callee's exit: VirtualFrame.CallerWrites).</summary>
    public PendingWrite[] CachedLocalWriteBacks() => CachedLocalWrites()?.ToArray() ?? [];

    /// <summary>Takes <paramref name="locals"/> as written back to their slots, emitting nothing: for code
    /// reached only through paths that wrote them (and may have reused their registers since).</summary>
    public void AssumeLocalsWrittenBack(ulong locals)
    {
        foreach (int s in Allowed())
        {
            // As Spill leaves it (the tags it knew stay true: the write-back wrote the type's tag).
            if ((locals >> s & 1) != 0 && _slots[s].InRegister)
                _slots[s] = _slots[s] with { InRegister = false, IntRegister = false };
        }
    }

    private List<PendingWrite>? CachedLocalWrites()
    {
        List<PendingWrite>? writes = null;
        if ((CacheableLocals | CacheableFloatLocals) == 0) return writes;
        foreach (int s in Allowed())
            if (_slots[s].InRegister) (writes ??= []).Add(SpillWrite(s));
        return writes;
    }
}
