using System.Buffers.Binary;
using System.Numerics;

namespace Lbbv.Types;

// Compact byte form, for storing contexts outside the struct (version tables, stats, logs):
//   byte 0      n = number of slots up to and including the last non-Unknown one (0..32)
//   bytes 1..   ceil(n/2) bytes, two slots per byte, the even slot in the low nibble
// which is the little-endian bytes of Low then High, truncated. Generic encodes as one byte.
// The form is canonical: one encoding per context, and Decode rejects any other.
public readonly partial struct TypeContext
{
    /// <summary>Largest encoded size: the count byte plus 16 bytes of nibbles.</summary>
    public const int MaxEncodedLength = 1 + Capacity / 2;

    /// <summary>Number of slots up to and including the last one that is not Unknown.</summary>
    public int UsedSlotCount =>
        _high != 0 ? SlotsPerWord + NibblesUsed(_high) : NibblesUsed(_low);

    /// <summary>Size of <see cref="Encode(Span{byte})"/>'s output.</summary>
    public int EncodedLength => 1 + (UsedSlotCount + 1) / 2;

    /// <summary>Writes the compact form; returns the number of bytes written.</summary>
    public int Encode(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
            throw new ArgumentException($"needs {length} bytes, got {destination.Length}", nameof(destination));
        Span<byte> raw = stackalloc byte[Capacity / 2];
        WriteRaw(raw);
        destination[0] = (byte)UsedSlotCount;
        raw[..(length - 1)].CopyTo(destination[1..]);
        return length;
    }

    /// <summary>The compact form as a new array.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        Encode(bytes);
        return bytes;
    }

    /// <summary>Reads a compact form written by <see cref="Encode(Span{byte})"/>.</summary>
    /// <exception cref="FormatException">Truncated, too long, or not canonical.</exception>
    public static TypeContext Decode(ReadOnlySpan<byte> source, out int bytesRead)
    {
        if (source.IsEmpty) throw new FormatException("empty type context encoding");
        int used = source[0];
        if (used > Capacity) throw new FormatException($"type context encoding names {used} slots; capacity is {Capacity}");
        bytesRead = 1 + (used + 1) / 2;
        if (source.Length < bytesRead) throw new FormatException($"type context encoding truncated: needs {bytesRead} bytes, got {source.Length}");
        Span<byte> raw = stackalloc byte[Capacity / 2];
        raw.Clear();
        source[1..bytesRead].CopyTo(raw);
        var context = new TypeContext(BinaryPrimitives.ReadUInt64LittleEndian(raw), BinaryPrimitives.ReadUInt64LittleEndian(raw[8..]));
        if (context.UsedSlotCount != used) throw new FormatException("type context encoding is not canonical");
        return context;
    }

    /// <summary>Decodes a whole span (no trailing bytes allowed).</summary>
    public static TypeContext Decode(ReadOnlySpan<byte> source)
    {
        var context = Decode(source, out int read);
        if (read != source.Length) throw new FormatException($"{source.Length - read} trailing bytes after type context encoding");
        return context;
    }

    private void WriteRaw(Span<byte> raw)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(raw, _low);
        BinaryPrimitives.WriteUInt64LittleEndian(raw[8..], _high);
    }

    private static int NibblesUsed(ulong word) => (64 - BitOperations.LeadingZeroCount(word) + 3) / BitsPerSlot;
}
