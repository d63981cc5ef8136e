using System.Text;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// The binary form of a stencil library: the layout it was built for (the record's text), an index
/// of the families (name, number of stencils, where their records start and end), then every
/// stencil's record in library order: its name, kind and the length of its body, then the body
/// (bytes, parameters, holes and disassembly). Written at build time from stencils assembled with
/// Iced, read at start-up instead of assembling: a family's records only when the family is first
/// used, a stencil's body only when the stencil is (<see cref="Stencil"/>).
/// </summary>
/// <summary>Where prebuilt stencil data is read from: the VM's data is compiled into the binary as a
/// `ReadOnlySpan&lt;byte&gt;` property, read in place each time (copying it to an array touched about 45
/// fresh pages at every start).</summary>
public delegate ReadOnlySpan<byte> StencilBytes();

internal static class StencilData
{
    private const int Magic = 0x5453424C; // "LBST"
    private const int FormatVersion = 2;

    /// <summary>Where one family's records are in the data.</summary>
    public readonly record struct FamilyRange(string Name, int Count, int Start, int End);

    public static byte[] Write(string layout, IReadOnlyList<(string Name, IReadOnlyList<Stencil> Stencils)> families)
    {
        var records = families.Select(f => WriteRecords(f.Stencils)).ToList();
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(layout);
            w.Write(families.Count);
            for (int i = 0; i < families.Count; i++)
            {
                w.Write(families[i].Name);
                w.Write(families[i].Stencils.Count);
                w.Write(records[i].Length);
            }
            foreach (var r in records) w.Write(r);
        }
        return stream.ToArray();
    }

    private static byte[] WriteRecords(IReadOnlyList<Stencil> stencils)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var s in stencils)
            {
                // Names are compared with the builders' as ASCII, without decoding (PrebuiltStencilSource).
                if (!Ascii.IsValid(s.Name)) throw new ArgumentException($"stencil name {s.Name} is not ASCII");
                byte[] body = WriteBody(s);
                w.Write(s.Name);
                w.Write((byte)s.Kind);
                w.Write(body.Length);
                w.Write(body);
            }
        }
        return stream.ToArray();
    }

    private static byte[] WriteBody(Stencil s)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(s.Size);
            w.Write(s.Code);
            w.Write(s.Parameters.Length);
            foreach (var p in s.Parameters)
            {
                w.Write(p.Name);
                w.Write((byte)p.Kind);
            }
            w.Write(s.Holes.Length);
            foreach (var h in s.Holes)
            {
                w.Write(h.Offset);
                w.Write((byte)h.Width);
                w.Write((byte)h.Parameter);
                w.Write((byte)h.Kind);
                w.Write(h.Addend);
                w.Write((byte)h.PcBias);
            }
            w.Write(s.Disassembly);
        }
        return stream.ToArray();
    }

    /// <summary>The layout the data was written for and where each family's records are.</summary>
    public static (string Layout, FamilyRange[] Families) ReadIndex(ReadOnlySpan<byte> data)
    {
        var r = new StencilDataReader(data, 0);
        if (data.Length < 8 || r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion)
            throw PrebuiltStencilSource.Stale("has an unknown format");
        string layout = r.ReadString();
        var families = new FamilyRange[r.ReadInt32()];
        for (int i = 0; i < families.Length; i++)
            families[i] = new FamilyRange(r.ReadString(), r.ReadInt32(), 0, r.ReadInt32());
        int start = r.Position;
        for (int i = 0; i < families.Length; i++)
        {
            families[i] = families[i] with { Start = start, End = start + families[i].End };
            start = families[i].End;
        }
        if (start != data.Length) throw PrebuiltStencilSource.Stale("has trailing bytes");
        return (layout, families);
    }

    /// <summary>The body of the stencil whose record's body starts at <paramref name="start"/>.</summary>
    public static StencilBody ReadBody(ReadOnlySpan<byte> data, int start)
    {
        var r = new StencilDataReader(data, start);
        byte[] code = r.ReadBytes(r.ReadInt32()).ToArray();
        var parameters = new StencilParameter[r.ReadInt32()];
        for (int p = 0; p < parameters.Length; p++)
            parameters[p] = new StencilParameter(r.ReadString(), (ParameterKind)r.ReadByte());
        var holes = new Hole[r.ReadInt32()];
        for (int h = 0; h < holes.Length; h++)
            holes[h] = new Hole(r.ReadInt32(), r.ReadByte(), r.ReadByte(), (ParameterKind)r.ReadByte(), r.ReadInt32(),
                r.ReadByte());
        return new StencilBody(code, holes, parameters, r.Position);
    }

    public static string ReadDisassembly(ReadOnlySpan<byte> data, int start) =>
        new StencilDataReader(data, start).ReadString();
}

/// <summary>Reads what <see cref="BinaryWriter"/> wrote (little-endian ints, strings as a 7-bit
/// encoded length and UTF-8 bytes) straight from the data, without a stream.</summary>
internal ref struct StencilDataReader(ReadOnlySpan<byte> data, int position)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; } = position;

    public byte ReadByte() => _data[Position++];

    public int ReadInt32()
    {
        int value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_data[Position..]);
        Position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        var bytes = _data.Slice(Position, count);
        Position += count;
        return bytes;
    }

    /// <summary>A string's UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> ReadStringBytes()
    {
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 28) throw PrebuiltStencilSource.Stale("has a malformed string length");
            byte b = ReadByte();
            length |= (b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        return ReadBytes(length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadStringBytes());
}
