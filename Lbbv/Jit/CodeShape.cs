// Static facts about one code object the JIT needs at every offset: block starts and stack depths.
using Lbbv.Bytecode;

namespace Lbbv.Jit;

/// <summary>Which instructions start a basic block and the operand-stack depth before every
/// instruction (static, as in CPython), derived from the code's block table.</summary>
public sealed class CodeShape
{
    private readonly bool[] _blockStart;
    private readonly bool[] _jumpTarget;
    private readonly int[] _depth;

    public CodeShape(CodeObject code)
    {
        int n = code.Code.Length;
        _blockStart = new bool[n + 1];
        _depth = new int[n + 1];
        Array.Fill(_depth, -1);
        foreach (var block in code.Blocks)
        {
            if (block.Start >= n) continue;
            _blockStart[block.Start] = true;
            int depth = block.EntryDepth;
            for (int ip = block.Start; ip < block.End && ip < n; ip++)
            {
                _depth[ip] = depth;
                int instr = code.Code[ip];
                var op = OpcodeInfo.OpOf(instr);
                if (OpcodeInfo.IsTerminator(op)) break;
                depth += StackEffects.Of(op, OpcodeInfo.ArgOf(instr), jump: false);
            }
        }
        Length = n;
        _jumpTarget = new bool[n + 1];
        for (int ip = 0; ip < n; ip++)
        {
            if (!OpcodeInfo.IsJump(OpcodeInfo.OpOf(code.Code[ip]))) continue;
            int target = OpcodeInfo.ArgOf(code.Code[ip]);
            if (target <= ip) HasLoop = true;
            if ((uint)target <= (uint)n) _jumpTarget[target] = true;
        }
        foreach (var e in code.ExceptionTable)
            if ((uint)e.Target <= (uint)n) _jumpTarget[e.Target] = true;
        _liveLocals = ComputeLiveness(code);
    }

    private readonly ulong[] _liveLocals;

    /// <summary>Fast locals (slots below 64) whose value may still be read from <paramref name="offset"/>
    /// on; cell and free slots and slots from 64 on always count as live.</summary>
    public ulong LiveLocalsAt(int offset) => (uint)offset < (uint)_liveLocals.Length ? _liveLocals[offset] : ulong.MaxValue;

    // Backward dataflow over instructions: live-in = uses | (live-out & ~defs), live-out = union of
    // successors' live-in (jump target, fall-through, and the handler of any covering exception entry).
    private static ulong[] ComputeLiveness(CodeObject code)
    {
        int n = code.Code.Length;
        var live = new ulong[n + 1];
        ulong always = 0;
        for (int s = code.VarNames.Length; s < 64; s++) always |= 1UL << s;
        var handlers = new List<int>[n];
        foreach (var e in code.ExceptionTable)
            for (int ip = e.Start; ip < e.End && ip < n; ip++) (handlers[ip] ??= []).Add(e.Target);
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int ip = n - 1; ip >= 0; ip--)
            {
                int instr = code.Code[ip];
                var op = OpcodeInfo.OpOf(instr);
                int arg = OpcodeInfo.ArgOf(instr);
                ulong outSet = 0;
                if (!OpcodeInfo.IsTerminator(op) && ip + 1 < n) outSet |= live[ip + 1];
                if (OpcodeInfo.IsJump(op) && arg < n) outSet |= live[arg];
                if (handlers[ip] is { } hs) foreach (int h in hs) if (h < n) outSet |= live[h];
                ulong bit = arg < 64 ? 1UL << arg : 0;
                ulong inSet = OpTable.Of(op).Local switch
                {
                    LocalAccess.Read or LocalAccess.Delete => outSet | bit,
                    LocalAccess.Write => outSet & ~bit,
                    _ => outSet,
                };
                inSet |= always;
                if (inSet != live[ip]) { live[ip] = inSet; changed = true; }
            }
        }
        return live;
    }

    public int Length { get; }

    /// <summary>True when some jump goes backwards (the code has a loop).</summary>
    public bool HasLoop { get; private set; }

    public bool IsBlockStart(int offset) => (uint)offset < (uint)_blockStart.Length && _blockStart[offset];

    /// <summary>True when a jump or an exception handler entry targets <paramref name="offset"/>
    /// (a block start that is not one is reached only by falling through from the instruction before).</summary>
    public bool IsJumpTarget(int offset) => (uint)offset < (uint)_jumpTarget.Length && _jumpTarget[offset];

    /// <summary>The stack depth before the instruction at <paramref name="offset"/>, or -1 when unreachable.</summary>
    public int DepthAt(int offset) => (uint)offset < (uint)_depth.Length ? _depth[offset] : -1;
}
