using System.Collections.Immutable;
using System.Text;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// The binary form of a stencil library: the layout it was built for (the record's text), then
/// every stencil's name, kind, bytes, parameters, holes and disassembly, in library order. Written
/// at build time from stencils assembled with Iced, read at start-up instead of assembling.
/// </summary>
internal static class StencilData
{
    private const int Magic = 0x5453424C; // "LBST"
    private const int FormatVersion = 1;

    public static byte[] Write(string layout, IReadOnlyList<Stencil> stencils)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(layout);
            w.Write(stencils.Count);
            foreach (var s in stencils)
            {
                w.Write(s.Name);
                w.Write((byte)s.Kind);
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
        }
        return stream.ToArray();
    }

    public static (string Layout, List<Stencil> Stencils) Read(byte[] data)
    {
        using var r = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion)
            throw PrebuiltStencilSource.Stale("has an unknown format");
        string layout = r.ReadString();
        int count = r.ReadInt32();
        var stencils = new List<Stencil>(count);
        for (int i = 0; i < count; i++)
        {
            string name = r.ReadString();
            var kind = (StencilKind)r.ReadByte();
            byte[] code = r.ReadBytes(r.ReadInt32());
            var parameters = ImmutableArray.CreateBuilder<StencilParameter>(r.ReadInt32());
            for (int p = parameters.Capacity; p > 0; p--)
                parameters.Add(new StencilParameter(r.ReadString(), (ParameterKind)r.ReadByte()));
            var holes = ImmutableArray.CreateBuilder<Hole>(r.ReadInt32());
            for (int h = holes.Capacity; h > 0; h--)
                holes.Add(new Hole(r.ReadInt32(), r.ReadByte(), r.ReadByte(), (ParameterKind)r.ReadByte(),
                    r.ReadInt32(), r.ReadByte()));
            // The disassembly (most of the data) is decoded when first read: emission never reads it.
            int length = r.Read7BitEncodedInt(), start = (int)r.BaseStream.Position;
            r.BaseStream.Position += length;
            stencils.Add(new Stencil(name, kind, code, holes.MoveToImmutable(), parameters.MoveToImmutable(),
                () => Encoding.UTF8.GetString(data, start, length)));
        }
        if (r.BaseStream.Position != data.Length) throw PrebuiltStencilSource.Stale("has trailing bytes");
        return (layout, stencils);
    }
}
