using System.Buffers.Binary;
using System.Numerics;

namespace Lbbv.Types;

// Compact byte form, for storing contexts outside the struct (version tables, stats, logs):
//   byte 0      n = number of slots up to and including the last non-Unknown one (0..32)
//   bytes 1..   ceil(n/2) bytes, two slots per byte, the even slot in the low nibble
// which is the little-endian bytes of Low then High, truncated. Generic encodes as one byte.
// With class entries, byte 0 also has bit 7 set and the nibbles are followed by a count byte k
// (1..4) and k little-endian 16-bit entries (TypeContext.Classes.cs).
// The form is canonical: one encoding per context, and Decode rejects any other.
public readonly partial struct TypeContext
{
    /// <summary>Largest encoded size: the count byte, 16 bytes of nibbles, the class count and entries.</summary>
    public const int MaxEncodedLength = 1 + Capacity / 2 + 1 + 2 * ClassCapacity;

    private const byte ClassesFollow = 0x80;

    /// <summary>Number of slots up to and including the last one that is not Unknown.</summary>
    public int UsedSlotCount =>
        _high != 0 ? SlotsPerWord + NibblesUsed(_high) : NibblesUsed(_low);

    /// <summary>Size of <see cref="Encode(Span{byte})"/>'s output.</summary>
    public int EncodedLength => 1 + (UsedSlotCount + 1) / 2 + (_classes == 0 ? 0 : 1 + 2 * ClassEntryCount);

    private int ClassEntryCount =>
        _classes == 0 ? 0 : (64 - BitOperations.LeadingZeroCount(_classes) + EntryBits - 1) / EntryBits;

    /// <summary>Writes the compact form; returns the number of bytes written.</summary>
    public int Encode(Span<byte> destination)
    {
        int length = EncodedLength;
        if (destination.Length < length)
            throw new ArgumentException($"needs {length} bytes, got {destination.Length}", nameof(destination));
        Span<byte> raw = stackalloc byte[Capacity / 2];
        WriteRaw(raw);
        int nibbleBytes = (UsedSlotCount + 1) / 2;
        destination[0] = (byte)(UsedSlotCount | (_classes == 0 ? 0 : ClassesFollow));
        raw[..nibbleBytes].CopyTo(destination[1..]);
        if (_classes != 0)
        {
            int at = 1 + nibbleBytes, count = ClassEntryCount;
            destination[at] = (byte)count;
            for (int i = 0; i < count; i++)
                BinaryPrimitives.WriteUInt16LittleEndian(destination[(at + 1 + 2 * i)..],
                    (ushort)(_classes >> (EntryBits * i)));
        }
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
        bool classes = (source[0] & ClassesFollow) != 0;
        int used = source[0] & ~ClassesFollow;
        if (used > Capacity) throw new FormatException($"type context encoding names {used} slots; capacity is {Capacity}");
        bytesRead = 1 + (used + 1) / 2;
        if (source.Length < bytesRead) throw new FormatException($"type context encoding truncated: needs {bytesRead} bytes, got {source.Length}");
        Span<byte> raw = stackalloc byte[Capacity / 2];
        raw.Clear();
        source[1..bytesRead].CopyTo(raw);
        var context = new TypeContext(BinaryPrimitives.ReadUInt64LittleEndian(raw), BinaryPrimitives.ReadUInt64LittleEndian(raw[8..]));
        if (context.UsedSlotCount != used) throw new FormatException("type context encoding is not canonical");
        if (!classes) return context;
        if (source.Length < bytesRead + 1) throw new FormatException("type context encoding truncated: no class count");
        int count = source[bytesRead];
        if (count is < 1 or > ClassCapacity || source.Length < bytesRead + 1 + 2 * count)
            throw new FormatException($"type context encoding has a bad class count {count} or is truncated");
        var withClasses = context;
        for (int i = 0; i < count; i++)
        {
            ulong entry = BinaryPrimitives.ReadUInt16LittleEndian(source[(bytesRead + 1 + 2 * i)..]);
            withClasses = withClasses.WithClass(SlotOf(entry), ClassIdOf(entry));
        }
        bytesRead += 1 + 2 * count;
        if (withClasses.ClassEntryCount != count) throw new FormatException("type context encoding is not canonical");
        return withClasses;
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
