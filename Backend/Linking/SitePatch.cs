using System.Buffers.Binary;
using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Linking;

/// <summary>
/// The bytes <c>--link patch</c> writes over a link site once its slot is linked. Every patched
/// instruction starts on an 8-byte boundary (the builder pads before the site) and the patch is
/// one aligned 8-byte store of bytes that all belong to the site's own stencil:
/// <list type="bullet">
/// <item><c>Link.PatchableJump</c> <c>ff 25 disp32 cc cc</c> becomes <c>e9 rel32 cc cc cc</c>;</item>
/// <item><c>Link.CountedPatchableJump</c>: its first 8 bytes (the count, <c>48 83 05 disp32 01</c>)
/// become <c>e9 rel32 cc cc cc</c>, so a patched link is no longer counted;</item>
/// <item><c>Invoke.Call</c>: its <c>ff 15 disp32</c> becomes <c>e8 rel32 90</c>, and the last two
/// bytes of the word, the stencil's <c>pop r12</c>, are written back unchanged. A frame suspended in
/// the call before the patch returns to the <c>pop r12</c>, one after it to the <c>nop</c> before it;
/// so a patched call never gets its indirect form back (unlinked, it calls a <c>jmp [slot]</c>).</item>
/// </list>
/// </summary>
public static class SitePatch
{
    public const int Alignment = 8;

    /// <summary>Where in <paramref name="stencil"/> the patched instruction starts: the count of a
    /// counted jump (its first instruction), else the opcode of the <c>jmp</c>/<c>call [rip+disp32]</c>
    /// through the slot, two bytes before the slot's hole.</summary>
    public static int OffsetIn(Stencil stencil)
    {
        var cells = stencil.Holes.Where(h => h.Kind == ParameterKind.DataCell).ToList();
        return cells.Count > 1 ? 0 : cells[0].Offset - 2;
    }

    /// <summary>The aligned 8-byte word to store at <paramref name="site"/> (the patched instruction's
    /// address), given the word there now, so that it jumps or calls <paramref name="target"/>.</summary>
    public static ulong Word(LinkSiteKind kind, nint site, nint target, ulong current)
    {
        if (site % Alignment != 0) throw new ArgumentException("link sites are 8-byte aligned", nameof(site));
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(word, current);
        int rel = checked((int)(target - (site + 5)));
        if (kind == LinkSiteKind.Call)
        {
            // An unpatched call [rip+slot], or one patched before (re-pointed: SlotLinks.RestoreSites).
            if ((word[0] != 0xFF || word[1] != 0x15) && (word[0] != 0xE8 || word[5] != 0x90))
                throw new InvalidOperationException("not a call [rip+slot] or its patched form");
            word[0] = 0xE8;
            BinaryPrimitives.WriteInt32LittleEndian(word[1..], rel);
            word[5] = 0x90;
        }
        else
        {
            bool counted = kind == LinkSiteKind.CountedJump;
            if (counted ? word[0] != 0x48 || word[1] != 0x83 : word[0] != 0xFF || word[1] != 0x25)
                throw new InvalidOperationException("not an unpatched jump through a slot");
            word[0] = 0xE9;
            BinaryPrimitives.WriteInt32LittleEndian(word[1..], rel);
            word[5] = word[6] = word[7] = 0xCC;
        }
        return BinaryPrimitives.ReadUInt64LittleEndian(word);
    }
}
