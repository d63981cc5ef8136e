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
    private readonly ulong[] _allowed, _allowedFloats, _leafLoopFloats;
    private readonly bool[] _header;

    public LoopRegisterLocals(CodeVersions code)
    {
        int length = code.Shape.Length;
        _allowed = new ulong[length + 1];
        _allowedFloats = new ulong[length + 1];
        _leafLoopFloats = new ulong[length + 1];
        _header = new bool[length + 1];
        var span = new int[length + 1];
        Array.Fill(span, int.MaxValue);
        for (int k = 0; k < length; k++)
        {
            if (OpcodeInfo.OpOf(code.InstrAt(k)) != Opcode.Jump) continue;
            int header = OpcodeInfo.ArgOf(code.InstrAt(k));
            if (header > k || header < 0) continue; // not a back edge
            var rule = LocalsOf(code, header, k, code.Code.SlotCount);
            ulong locals = rule.Ints(), floats = rule.Floats();
            _header[header] |= (locals | floats) != 0;
            for (int o = header; o <= k; o++)
                if (k - header < span[o])
                {
                    span[o] = k - header;
                    _allowed[o] = locals;
                    _allowedFloats[o] = floats;
                    _leafLoopFloats[o] = rule.LeafLoopFloats();
                }
        }
    }

    /// <summary>The locals a version at <paramref name="offset"/> may cache (bit per local).</summary>
    public ulong AllowedAt(int offset) => (uint)offset < (uint)_allowed.Length ? _allowed[offset] : 0;

    /// <summary>The locals a version at <paramref name="offset"/> may cache in their float registers
    /// while they hold floats (bit per local).</summary>
    public ulong FloatsAllowedAt(int offset) =>
        (uint)offset < (uint)_allowedFloats.Length ? _allowedFloats[offset] : 0;

    /// <summary><see cref="FloatsAllowedAt"/> when the loop calls a leaf (LoopLocalsRule.LeafLoopFloats).</summary>
    public ulong LeafLoopFloatsAt(int offset) =>
        (uint)offset < (uint)_leafLoopFloats.Length ? _leafLoopFloats[offset] : 0;

    /// <summary>Whether <paramref name="offset"/> is the header of a loop with cached locals: its
    /// versions load them at entry, so that the back edge finds them there.</summary>
    public bool IsHeader(int offset) => (uint)offset < (uint)_header.Length && _header[offset];

    /// <summary>The shared rule (<see cref="LoopLocalsRule"/>) folded over the loop's bytecode.</summary>
    private static LoopLocalsRule LocalsOf(CodeVersions code, int header, int end, int slotCount)
    {
        var rule = new LoopLocalsRule(slotCount);
        for (int k = header; k <= end; k++)
            if (!rule.Add(OpcodeInfo.OpOf(code.InstrAt(k)), OpcodeInfo.ArgOf(code.InstrAt(k)))) break;
        return rule;
    }
}
