// Int locals kept in the register cache across ops and block edges (docs/JIT-CORE.md, "The register
// cache across block edges"): a cached local's value is in its int register and its frame slot is
// stale until written back. Every rule that makes the frame exact for a reader writes them back.
using Lbbv.Backend.Stencils.Families;
using Lbbv.Bytecode;
using Lbbv.Types;

namespace Lbbv.Jit.Frames;

public sealed partial class AbstractFrame
{
    /// <summary>The locals (bit per local, the first 64) the frontend lets the lowering keep in their
    /// int register (<see cref="IntRegisterOf"/>): those a loop stores ints to. 0: none.</summary>
    public ulong CacheableLocals { get; private set; }

    /// <summary>The locals (bit per local) the lowering may keep in their float register
    /// (<see cref="XmmLocalRegisterOf"/>, xmm12..xmm15) while they hold floats. 0: none.</summary>
    public ulong CacheableFloatLocals { get; private set; }

    /// <summary>The XMM register (4..7: xmm12..xmm15) a cached float local lives in.</summary>
    public static int XmmLocalRegisterOf(int local) => XmmStencils.LocalRegisterOf(local);

    /// <summary>Ops a loop whose locals stay cached may contain: plain loads, stores, constants,
    /// arithmetic, compares and branches (no call, helper or subscript that would write them back on
    /// every iteration). A ForIter's loop variable is written to its slot by the ForIter: never cached.</summary>
    public static bool LoopKeepsLocals(Opcode op) => op is Opcode.LoadFast or Opcode.StoreFast or Opcode.LoadConst
        or Opcode.BinaryOp or Opcode.CompareOp or Opcode.PopJumpIfFalse or Opcode.PopJumpIfTrue or Opcode.Jump
        or Opcode.Nop or Opcode.ForIter;

    /// <summary>Ops a loop whose float locals stay cached (xmm12..xmm15) may contain besides
    /// <see cref="LoopKeepsLocals"/>: a global read (a watched constant: no code), a call that LBBV
    /// inlines as a leaf (its virtual frame keeps them: CallOps.GenInlinedLeaf; any other call writes
    /// them back first) and an item read (a float item loads into a stack register; its guards' exits
    /// write them back). The stack registers and rbx, r14, r15 are what these use, never xmm12..xmm15.</summary>
    public static bool LoopKeepsFloatLocals(Opcode op) =>
        LoopKeepsLocals(op) || op is Opcode.LoadGlobal or Opcode.Call or Opcode.BinarySubscr;

    /// <summary>Of the locals in <paramref name="stored"/>, those a loop keeps cached: at most one per int
    /// register (the lowest-numbered).</summary>
    public static ulong OnePerRegister(ulong stored) => OnePerRegister(stored, IntRegisterOf);

    /// <summary>Of the locals in <paramref name="stored"/>, those a loop keeps cached as floats: at most one
    /// per float local register (the lowest-numbered).</summary>
    public static ulong OnePerXmmRegister(ulong stored) => OnePerRegister(stored, XmmLocalRegisterOf);

    private static ulong OnePerRegister(ulong stored, Func<int, int> registerOf)
    {
        ulong chosen = 0;
        int used = 0;
        for (int s = 0; s < 64; s++)
        {
            int register = registerOf(s);
            if ((stored >> s & 1) == 0 || (used >> register & 1) != 0) continue;
            chosen |= 1UL << s;
            used |= 1 << register;
        }
        return chosen;
    }

    /// <summary>Lets the lowering cache <paramref name="locals"/> (bit per local) from here on.</summary>
    public void AllowCachedLocals(ulong locals, ulong floatLocals = 0)
    {
        CacheableLocals = locals;
        CacheableFloatLocals = floatLocals;
    }

    /// <summary>Whether <paramref name="local"/> may be cached in its float register.</summary>
    public bool IsCacheableFloat(int local) =>
        local < 64 && local < LocalCount && (CacheableFloatLocals >> local & 1) != 0;

    /// <summary>Whether <paramref name="local"/> may be cached: allowed, an int here, and the only
    /// allowed local of its register.</summary>
    public bool IsCacheable(int local) => local < 64 && local < LocalCount && (CacheableLocals >> local & 1) != 0;

    /// <summary>The locals cached in their float register (xmm12..xmm15) now (bit per local).</summary>
    public ulong CachedFloatLocals
    {
        get
        {
            ulong mask = 0;
            if (CacheableFloatLocals == 0) return 0;
            foreach (int s in Allowed())
                if (_slots[s].InRegister && !_slots[s].IntRegister) mask |= 1UL << s;
            return mask;
        }
    }

    /// <summary>The locals cached in their register now (bit per local).</summary>
    public ulong CachedLocals
    {
        get
        {
            ulong mask = 0;
            if ((CacheableLocals | CacheableFloatLocals) == 0) return 0;
            foreach (int s in Allowed())
                if (_slots[s].InRegister) mask |= 1UL << s;
            return mask;
        }
    }

    /// <summary>Code just left the values of <paramref name="locals"/> in their registers (a version's
    /// entry loaded them, or every edge into it keeps them there): those typed Float here in their float
    /// register (<see cref="LoadsAsFloat"/>), the others, ints, in their int register.</summary>
    public void EnterCachedLocals(ulong locals)
    {
        for (int s = 0; s < Math.Min(LocalCount, 64); s++)
        {
            if ((locals >> s & 1) == 0) continue;
            bool isFloat = LoadsAsFloat(TypeOf(s));
            // Only allowed locals are ever cached (the write-back rules see no other).
            if (((isFloat ? CacheableFloatLocals : CacheableLocals) >> s & 1) == 0) continue;
            // Its frame slot holds its type's tag: the loading entry loads it from the exact frame, and
            // every edge that keeps it cached writes it first where its tag may be stale (WriteStaleTags).
            _slots[s] = _slots[s] with
            {
                InRegister = true, IntRegister = !isFloat,
                Type = Typed(s, isFloat ? AbstractType.Float : AbstractType.Int),
                FrameTagInt = !isFloat, FrameTagFloat = isFloat,
            };
        }
    }

    /// <summary>Whether a cached local of <paramref name="type"/> (what the code entered with it cached
    /// knows of it: Int or Float) lives in its float register rather than its int one.</summary>
    public static bool LoadsAsFloat(AbstractType type) => type == AbstractType.Float;

    /// <summary>The XMM register (0..7) that holds the value of <paramref name="slot"/>, or -1: a stack
    /// entry cached in its register, a cached float local, or a pending copy of one.</summary>
    public int XmmOf(int slot)
    {
        ref readonly var s = ref _slots[slot];
        if (s.InRegister) return s.IntRegister ? -1 : slot < LocalCount ? XmmLocalRegisterOf(slot) : RegisterOf(slot);
        return XmmLocalOf(slot) is >= 0 and var local ? XmmLocalRegisterOf(local) : -1;
    }

    /// <summary>The float local a pending copy in <paramref name="slot"/> stands for when that local is
    /// cached in its float register (-1: none).</summary>
    public int XmmLocalOf(int slot) =>
        slot >= LocalCount && !_slots[slot].InRegister && _slots[slot].PendingCopy
            && _slots[slot].PendingConstant is null && _slots[slot].Alias is >= 0 and var local
            && _slots[local].InRegister && !_slots[local].IntRegister ? local : -1;

    /// <summary>StoreFast of a float now in <paramref name="local"/>'s float register: the local is cached
    /// there and its frame slot is stale (copies of its old value were written first: ForgetLocal; an old
    /// int value cached in its int register is dead).</summary>
    public void StoreInXmm(int local)
    {
        ForgetItemsOf(local);
        ref readonly var s = ref _slots[local];
        // An uncached local's slot holds its value: typed Float, it holds the float tag.
        bool tagFloat = s.InRegister ? !s.IntRegister && s.FrameTagFloat : TypeOf(local) == AbstractType.Float;
        _slots[local] = _slots[local] with
        {
            Type = Typed(local, AbstractType.Float), Live = null, InRegister = true, IntRegister = false,
            FrameTagFloat = tagFloat, FrameTagInt = false,
        };
    }

    /// <summary>The int register that holds the value of <paramref name="slot"/> (0..2), or -1: a stack
    /// entry cached there, a cached local, or a pending copy of one.</summary>
    public int GprOf(int slot)
    {
        ref readonly var s = ref _slots[slot];
        if (s.InRegister) return s.IntRegister ? IntRegisterOf(slot) : -1;
        if (slot >= LocalCount && s.PendingCopy && s.PendingConstant is null && s.Alias >= 0 && InGpr(s.Alias))
            return IntRegisterOf(s.Alias);
        return -1;
    }

    /// <summary>The local a pending copy in <paramref name="slot"/> stands for when that local is
    /// cached (-1: none).</summary>
    public int CachedLocalOf(int slot) =>
        slot >= LocalCount && !_slots[slot].InRegister && _slots[slot].PendingCopy && _slots[slot].PendingConstant is null
            && _slots[slot].Alias >= 0 && InGpr(_slots[slot].Alias) ? _slots[slot].Alias : -1;

    /// <summary>StoreFast of an int now in <paramref name="local"/>'s register: the local is cached
    /// there and its frame slot is stale (copies of its old value were written first: ForgetLocal).</summary>
    public void StoreInRegister(int local)
    {
        ForgetItemsOf(local);
        // An uncached local's slot holds its value: typed Int, it holds the int tag.
        bool tagInt = _slots[local].InRegister ? _slots[local].FrameTagInt : TypeOf(local) == AbstractType.Int;
        _slots[local] = _slots[local] with
        {
            Type = Typed(local, AbstractType.Int), Live = null, InRegister = true, IntRegister = true, FrameTagInt = tagInt,
        };
    }

    /// <summary>Whether a stack entry is pending or cached (an out-of-line path would write it).</summary>
    public bool HasPendingStack()
    {
        for (int e = 0; e < Depth; e++)
            if (_slots[StackSlot(e)].InRegister || IsPending(StackSlot(e))) return true;
        return false;
    }

    /// <summary>Drops <paramref name="local"/> from the cache without writing it: its value is dead
    /// (about to be overwritten, and no exit can come before).</summary>
    public void DropCachedLocal(int local) =>
        _slots[local] = _slots[local] with { InRegister = false, IntRegister = false };

    /// <summary>The allowed locals: only they are ever cached (the frontends allow right after Enter,
    /// which clears every slot), so the write-back rules look at them alone.</summary>
    private IEnumerable<int> Allowed()
    {
        for (ulong m = CacheableLocals | CacheableFloatLocals; m != 0; m &= m - 1)
        {
            int s = System.Numerics.BitOperations.TrailingZeroCount(m);
            if (s < LocalCount) yield return s;
        }
    }

    private List<string>? CachedLocalNames()
    {
        List<string>? names = null;
        if ((CacheableLocals | CacheableFloatLocals) == 0) return names;
        foreach (int s in Allowed())
            if (_slots[s].InRegister)
                (names ??= []).Add(_slots[s].IntRegister ? $"l{s}={GprStencils.Name(IntRegisterOf(s))}"
                    : $"l{s}={XmmStencils.Name(XmmLocalRegisterOf(s))}");
        return names;
    }
}
