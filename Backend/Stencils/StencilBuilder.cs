using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Iced.Intel;
using Decoder = Iced.Intel.Decoder;

namespace Lbbv.Backend.Stencils;

/// <summary>
/// Writes one stencil with Iced's <see cref="Assembler"/>. Each parameter is declared first and
/// stands in the code as a sentinel value; <see cref="Build"/> assembles, decodes the result, and
/// finds every hole through Iced's <see cref="ConstantOffsets"/> (the displacement or immediate
/// holding a sentinel). It checks that every parameter was found and that no sentinel survives
/// outside a hole, then zeroes the holes.
/// </summary>
internal sealed class StencilBuilder
{
    // Stencils are assembled as if placed here, so that rel32 and rip-relative sentinels are
    // real addresses within reach.
    internal const ulong AssemblyBase = 0x1000_0000_0000;

    // 32-bit sentinels: base + parameter number << 16; the low 16 bits carry an addend (dst+8).
    private const int ValueSlotBase = 0x3A00_0000;
    private const int Int32Base = 0x2B00_0000;
    private const int AddendWindow = 0x1_0000;
    private const byte Int8Base = 0xA5;
    private const ulong Int64Base = 0x5EC0_0000_0000_0000;
    private const ulong CodeTargetBase = AssemblyBase + 0x4000_0000;
    private const ulong DataCellBase = AssemblyBase + 0x2000_0000;
    private const int AddressStride = 0x10_0000;

    private readonly List<StencilParameter> _parameters = [];
    private readonly List<int> _ordinals = []; // the parameter's number within its kind

    public StencilBuilder(string name, StencilKind kind)
    {
        Name = name;
        Kind = kind;
        Asm = new Assembler(64) { PreferShortBranch = false };
    }

    public string Name { get; }
    public StencilKind Kind { get; }
    public Assembler Asm { get; }

    /// <summary>A Value index (a frame slot, an instance slot, a tuple item), patched as index * ValueSize + addend.</summary>
    public int ValueSlot(string name) => ValueSlotBase + Declare(name, ParameterKind.ValueSlot) * AddendWindow;

    public int Int32(string name) => Int32Base + Declare(name, ParameterKind.Int32) * AddendWindow;

    public byte Int8(string name) => (byte)(Int8Base + Declare(name, ParameterKind.Int8));

    public ulong Int64(string name) => Int64Base + ((ulong)Declare(name, ParameterKind.Int64) << 32);

    /// <summary>A rel32 jump or call target (a label of the unit, or published code).</summary>
    public ulong CodeTarget(string name) => CodeTargetBase + (ulong)(Declare(name, ParameterKind.CodeTarget) * AddressStride);

    /// <summary>A data cell reached as <c>[rip+disp32]</c>.</summary>
    public MemoryOperand DataCell(string name) =>
        new(Register.RIP, (long)(DataCellBase + (ulong)(Declare(name, ParameterKind.DataCell) * AddressStride)));

    private int Declare(string name, ParameterKind kind)
    {
        if (_parameters.Any(p => p.Name == name)) throw new InvalidOperationException($"{Name}: parameter {name} declared twice");
        int ordinal = _parameters.Count(p => p.Kind == kind);
        _parameters.Add(new StencilParameter(name, kind));
        _ordinals.Add(ordinal);
        return ordinal;
    }

    public Stencil Build()
    {
        var writer = new ByteListWriter();
        Asm.Assemble(writer, AssemblyBase);
        byte[] code = writer.ToArray();

        var holes = new List<Hole>();
        var text = new StringBuilder();
        var output = new SentinelNamingOutput(this, code.Length);
        var formatter = new IntelFormatter();
        formatter.Options.SpaceAfterOperandSeparator = true;
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(code), AssemblyBase);
        while (decoder.IP < AssemblyBase + (ulong)code.Length)
        {
            int start = (int)(decoder.IP - AssemblyBase);
            decoder.Decode(out var instruction);
            if (instruction.IsInvalid) throw Error($"undecodable bytes at +{start}");
            var offsets = decoder.GetConstantOffsets(instruction);
            FindHoles(instruction, offsets, start, code, holes);
            output.Reset();
            formatter.Format(instruction, output);
            text.Append($"{start:X4}  {output}\n");
        }

        for (int p = 0; p < _parameters.Count; p++)
            if (!holes.Any(h => h.Parameter == p))
                throw Error($"parameter {_parameters[p].Name} has no hole in the assembled code");

        holes.Sort((x, y) => x.Offset.CompareTo(y.Offset));
        foreach (var hole in holes) code.AsSpan(hole.Offset, hole.Width).Clear();
        CheckNoSentinelSurvives(code);

        return new Stencil(Name, Kind, code, [.. holes], [.. _parameters], text.ToString());
    }

    private void FindHoles(in Instruction instruction, in ConstantOffsets offsets, int start, byte[] code, List<Hole> holes)
    {
        if (offsets.HasDisplacement)
        {
            int at = start + offsets.DisplacementOffset;
            if (instruction.IsIPRelativeMemoryOperand)
            {
                int p = MatchAddress(instruction.IPRelativeMemoryAddress, DataCellBase, ParameterKind.DataCell);
                if (p < 0) throw Error($"rip-relative operand at +{start} does not name a data cell parameter");
                holes.Add(new Hole(at, 4, p, ParameterKind.DataCell, 0, instruction.Length - offsets.DisplacementOffset));
            }
            else if (offsets.DisplacementSize == 4)
            {
                AddWindowedHole(BinaryPrimitives.ReadInt32LittleEndian(code.AsSpan(at)), at, holes);
            }
        }
        if (offsets.HasImmediate)
        {
            int at = start + offsets.ImmediateOffset;
            if (instruction.Op0Kind == OpKind.NearBranch64)
            {
                ulong target = instruction.NearBranch64;
                if (target >= AssemblyBase && target <= AssemblyBase + (ulong)code.Length) return; // a branch inside the stencil
                int p = MatchAddress(target, CodeTargetBase, ParameterKind.CodeTarget);
                if (p < 0) throw Error($"branch at +{start} leaves the stencil without a code target parameter");
                if (offsets.ImmediateSize != 4) throw Error($"branch at +{start} to a code target is not rel32");
                holes.Add(new Hole(at, 4, p, ParameterKind.CodeTarget, 0, instruction.Length - offsets.ImmediateOffset));
                return;
            }
            switch (offsets.ImmediateSize)
            {
                case 1:
                    int p8 = MatchOrdinal(code[at] - Int8Base, ParameterKind.Int8);
                    if (p8 >= 0) holes.Add(new Hole(at, 1, p8, ParameterKind.Int8, 0, 0));
                    break;
                case 4:
                    AddWindowedHole(BinaryPrimitives.ReadInt32LittleEndian(code.AsSpan(at)), at, holes);
                    break;
                case 8:
                    ulong value = BinaryPrimitives.ReadUInt64LittleEndian(code.AsSpan(at));
                    if ((value & 0xFFFF_FFFF) == 0 && value >= Int64Base)
                    {
                        int p64 = MatchOrdinal((int)((value - Int64Base) >> 32), ParameterKind.Int64);
                        if (p64 >= 0) holes.Add(new Hole(at, 8, p64, ParameterKind.Int64, 0, 0));
                    }
                    break;
            }
        }
    }

    private void AddWindowedHole(int value, int at, List<Hole> holes)
    {
        foreach (var (baseValue, kind) in new[] { (ValueSlotBase, ParameterKind.ValueSlot), (Int32Base, ParameterKind.Int32) })
        {
            long delta = (long)value - baseValue;
            if (delta < 0) continue;
            int p = MatchOrdinal((int)(delta / AddendWindow), kind);
            if (p >= 0) holes.Add(new Hole(at, 4, p, kind, (int)(delta % AddendWindow), 0));
        }
    }

    private int MatchAddress(ulong address, ulong baseAddress, ParameterKind kind)
    {
        if (address < baseAddress || (address - baseAddress) % AddressStride != 0) return -1;
        return MatchOrdinal((int)((address - baseAddress) / AddressStride), kind);
    }

    /// <summary>The index of the parameter that is the <paramref name="ordinal"/>-th of <paramref name="kind"/>, or -1.</summary>
    private int MatchOrdinal(int ordinal, ParameterKind kind)
    {
        for (int p = 0; p < _parameters.Count; p++)
            if (_parameters[p].Kind == kind && _ordinals[p] == ordinal) return p;
        return -1;
    }

    private void CheckNoSentinelSurvives(byte[] code)
    {
        for (int i = 0; i + 4 <= code.Length; i++)
        {
            int v = BinaryPrimitives.ReadInt32LittleEndian(code.AsSpan(i));
            for (int p = 0; p < _parameters.Count; p++)
            {
                int? baseValue = _parameters[p].Kind switch
                {
                    ParameterKind.ValueSlot => ValueSlotBase + _ordinals[p] * AddendWindow,
                    ParameterKind.Int32 => Int32Base + _ordinals[p] * AddendWindow,
                    _ => null,
                };
                if (baseValue is int b && v >= b && v < b + AddendWindow)
                    throw Error($"sentinel of {_parameters[p].Name} survives at +{i} outside any hole");
            }
        }
    }

    internal string? NameOf(ulong value, FormatterTextKind kind, int codeLength)
    {
        if (kind == FormatterTextKind.LabelAddress && value >= AssemblyBase && value <= AssemblyBase + (ulong)codeLength)
            return $"L{value - AssemblyBase:X2}";
        for (int p = 0; p < _parameters.Count; p++)
        {
            var (name, k, ordinal) = (_parameters[p].Name, _parameters[p].Kind, (ulong)_ordinals[p]);
            ulong? exact = k switch
            {
                ParameterKind.Int64 => Int64Base + (ordinal << 32),
                ParameterKind.CodeTarget => CodeTargetBase + ordinal * AddressStride,
                ParameterKind.DataCell => DataCellBase + ordinal * AddressStride,
                ParameterKind.Int8 => Int8Base + ordinal,
                _ => null,
            };
            if (exact == value) return $"{{{name}}}";
            ulong windowBase = k == ParameterKind.ValueSlot ? (ulong)ValueSlotBase : k == ParameterKind.Int32 ? (ulong)Int32Base : 0;
            if (windowBase != 0)
            {
                ulong b = windowBase + ordinal * AddendWindow;
                if (value >= b && value < b + AddendWindow)
                    return value == b ? $"{{{name}}}" : $"{{{name}+{value - b}}}";
            }
        }
        return null;
    }

    private InvalidOperationException Error(string message) => new($"stencil {Name}: {message}");

    private sealed class ByteListWriter : CodeWriter
    {
        private readonly List<byte> _bytes = [];
        public override void WriteByte(byte value) => _bytes.Add(value);
        public byte[] ToArray() => [.. _bytes];
    }

    /// <summary>Formats instructions, writing parameter names in place of their sentinels.</summary>
    private sealed class SentinelNamingOutput(StencilBuilder builder, int codeLength) : FormatterOutput
    {
        private readonly StringBuilder _text = new();
        public void Reset() => _text.Clear();
        public override void Write(string text, FormatterTextKind kind) => _text.Append(text);
        public override void WriteNumber(in Instruction instruction, int operand, int instructionOperand, string text,
            ulong value, NumberKind numberKind, FormatterTextKind kind) =>
            _text.Append(builder.NameOf(value, kind, codeLength) ?? text);
        public override string ToString() => _text.ToString();
    }
}
