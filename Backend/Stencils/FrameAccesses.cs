using Iced.Intel;

namespace Lbbv.Backend.Stencils;

/// <summary>Loads and stores of frame slots (memory operands based on r12, the frame register) in
/// one stencil's code, read from its instructions: what `--stats` sums over the stencils emitted
/// (<c>regcache_frame_loads_emitted</c>, <c>regcache_frame_stores_emitted</c>). A read-modify-write
/// operand counts once as each.</summary>
public readonly record struct FrameAccesses(int Loads, int Stores)
{
    internal static FrameAccesses Of(byte[] code)
    {
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(code));
        var factory = new InstructionInfoFactory();
        int loads = 0, stores = 0;
        while (decoder.IP < (ulong)code.Length)
        {
            decoder.Decode(out var instruction);
            foreach (var memory in factory.GetInfo(instruction).GetUsedMemory())
            {
                if (memory.Base != Register.R12) continue;
                if (memory.Access is OpAccess.Read or OpAccess.CondRead or OpAccess.ReadWrite or OpAccess.ReadCondWrite) loads++;
                if (memory.Access is OpAccess.Write or OpAccess.CondWrite or OpAccess.ReadWrite or OpAccess.ReadCondWrite) stores++;
            }
        }
        return new(loads, stores);
    }
}
