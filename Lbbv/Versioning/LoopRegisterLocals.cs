// Which int locals the register cache keeps across a loop's block edges (docs/JIT-CORE.md, "The
// register cache across block edges"): the locals a simple loop stores to, one per int register.
using Lbbv.Bytecode;
using Lbbv.Jit.Frames;

namespace Lbbv.Versioning;

/// <summary>
/// For each offset, the locals a version there may keep in their int registers: those its innermost
/// loop (a backward Jump to a header) stores to, when every op of the loop is one that keeps cached
/// locals (plain loads, stores, constants, arithmetic, compares and branches: no call, helper or
/// subscript that would write them back on every iteration); at most one local per register (the
/// lowest-numbered). Outside such loops: none.
/// </summary>
internal sealed class LoopRegisterLocals
{
    private readonly ulong[] _allowed;
    private readonly bool[] _header;

    public LoopRegisterLocals(CodeVersions code)
    {
        int length = code.Shape.Length;
        _allowed = new ulong[length + 1];
        _header = new bool[length + 1];
        var span = new int[length + 1];
        Array.Fill(span, int.MaxValue);
        for (int k = 0; k < length; k++)
        {
            if (OpcodeInfo.OpOf(code.InstrAt(k)) != Opcode.Jump) continue;
            int header = OpcodeInfo.ArgOf(code.InstrAt(k));
            if (header > k || header < 0) continue; // not a back edge
            ulong locals = LocalsOf(code, header, k, code.Code.SlotCount);
            _header[header] |= locals != 0;
            for (int o = header; o <= k; o++)
                if (k - header < span[o])
                {
                    span[o] = k - header;
                    _allowed[o] = locals;
                }
        }
    }

    /// <summary>The locals a version at <paramref name="offset"/> may cache (bit per local).</summary>
    public ulong AllowedAt(int offset) => (uint)offset < (uint)_allowed.Length ? _allowed[offset] : 0;

    /// <summary>Whether <paramref name="offset"/> is the header of a loop with cached locals: its
    /// versions load them at entry, so that the back edge finds them there.</summary>
    public bool IsHeader(int offset) => (uint)offset < (uint)_header.Length && _header[offset];

    private static ulong LocalsOf(CodeVersions code, int header, int end, int slotCount)
    {
        ulong stored = 0, loopVariables = 0;
        for (int k = header; k <= end; k++)
        {
            var op = OpcodeInfo.OpOf(code.InstrAt(k));
            if (!AbstractFrame.LoopKeepsLocals(op)) return 0;
            if (op != Opcode.StoreFast || OpcodeInfo.ArgOf(code.InstrAt(k)) is not (var local and < 64) || local >= slotCount)
                continue;
            stored |= 1UL << local;
            if (k > 0 && OpcodeInfo.OpOf(code.InstrAt(k - 1)) == Opcode.ForIter) loopVariables |= 1UL << local;
        }
        return AbstractFrame.OnePerRegister(stored & ~loopVariables);
    }
}
