using System.Text;
using Iced.Intel;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Layout;
using Decoder = Iced.Intel.Decoder;

namespace Lbbv.Backend.Observability;

/// <summary>
/// Disassembles published code with Iced's formatter, labelled by stencil name and the
/// frontend's notes (bytecode offsets), with helper, slot, counter and code addresses named
/// through the <see cref="SymbolTable"/>, and frame accesses named by slot number.
/// </summary>
public sealed class Disassembler
{
    private readonly SymbolTable _symbols;
    private readonly RuntimeLayout _layout;

    public Disassembler(SymbolTable symbols, RuntimeLayout layout)
    {
        _symbols = symbols;
        _layout = layout;
    }

    public string Disassemble(CodeListing listing, ReadOnlySpan<byte> bytes)
    {
        var code = listing.Code;
        var text = new StringBuilder();
        text.Append($"; {code.Name} at 0x{(ulong)code.Start:x}, {code.Size} bytes\n");
        var formatter = new IntelFormatter(new Resolver(_symbols));
        formatter.Options.SpaceAfterOperandSeparator = true;
        var output = new StringOutput();
        for (int e = 0; e < listing.Entries.Count; e++)
        {
            var entry = listing.Entries[e];
            int end = e + 1 < listing.Entries.Count ? listing.Entries[e + 1].Offset : code.Size;
            if (entry.Note is not null) text.Append($"; {entry.Note}\n");
            text.Append($";   {entry.Stencil.Name}\n");
            var piece = bytes[entry.Offset..end].ToArray();
            var decoder = Decoder.Create(64, new ByteArrayCodeReader(piece), (ulong)(code.Start + entry.Offset));
            int position = 0;
            while (position < piece.Length)
            {
                decoder.Decode(out var instruction);
                formatter.Format(instruction, output);
                string assembly = output.ToStringAndReset();
                string hex = Convert.ToHexString(piece, position, instruction.Length).ToLowerInvariant();
                text.Append($"  {instruction.IP:x}  {hex,-24} {assembly}");
                string? comment = FrameComment(instruction);
                if (comment is not null) text.Append($"  ; {comment}");
                text.Append('\n');
                position += instruction.Length;
            }
        }
        return text.ToString();
    }

    // r12 is the frame base: name the slot (and whether the payload or the tag is accessed).
    private string? FrameComment(in Instruction instruction)
    {
        for (int i = 0; i < instruction.OpCount; i++)
        {
            if (instruction.GetOpKind(i) != OpKind.Memory || instruction.MemoryBase != Register.R12) continue;
            long displacement = (long)instruction.MemoryDisplacement64;
            long slot = displacement / _layout.ValueSize, field = displacement % _layout.ValueSize;
            return field == _layout.ValueTag ? $"slot {slot} tag" : field == _layout.ValuePayload ? $"slot {slot}" : $"slot {slot}+{field}";
        }
        return null;
    }

    private sealed class Resolver(SymbolTable symbols) : ISymbolResolver
    {
        public bool TryGetSymbol(in Instruction instruction, int operand, int instructionOperand, ulong address, int addressSize, out SymbolResult symbol)
        {
            string? name = address > 0xFFFF ? symbols.Resolve((nint)address) : null;
            symbol = name is null ? default : new SymbolResult(address, name);
            return name is not null;
        }
    }
}
