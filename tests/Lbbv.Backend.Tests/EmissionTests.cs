using Iced.Intel;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Decoder = Iced.Intel.Decoder;
using Label = Lbbv.Backend.Emission.Label;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

public sealed class EmissionTests
{
    [Fact]
    public void Every_stencil_patches_into_the_same_instructions_with_the_given_operands()
    {
        using var f = new JitFixture();
        Assert.True(f.Backend.TryAllocateCounter("cell", out var cell));
        foreach (var stencil in f.S.All)
        {
            f.Unit.Begin(stencil.Name);
            var end = f.Unit.NewLabel();
            var operands = stencil.Parameters.Select((p, i) => p.Kind switch
            {
                ParameterKind.ValueSlot => Slot(3 + i),
                ParameterKind.Int8 => Imm(0x11 + i),
                ParameterKind.Int32 => Imm(-1000 - i),
                ParameterKind.Int64 => Imm(0x0123_4567_89AB_0000L + i),
                ParameterKind.CodeTarget => To(end),
                _ => Cell(cell),
            }).ToArray();
            f.Unit.Emit(stencil, operands);
            f.Unit.Bind(end);
            f.Unit.Emit(f.S.Control.ReturnStatus);
            Assert.True(f.Unit.TryPublish(out var code));

            var published = Decode(f.Backend.Space.ReadPublished(code.Start, stencil.Size).ToArray(), (ulong)code.Start);
            var template = Decode(stencil.Code.ToArray(), (ulong)code.Start);
            Assert.Equal(template.Select(i => i.Code), published.Select(i => i.Code));
            foreach (var instruction in published)
            {
                if (instruction.IsIPRelativeMemoryOperand) Assert.Equal((ulong)cell.Address, instruction.IPRelativeMemoryAddress);
                if (instruction.Op0Kind == OpKind.NearBranch64 && instruction.NearBranch64 >= (ulong)code.Start + (ulong)stencil.Size)
                    Assert.Equal((ulong)(code.Start + f.Unit.OffsetOf(end)), instruction.NearBranch64);
            }
            foreach (var hole in stencil.Holes.Where(h => h.Kind == ParameterKind.ValueSlot))
                Assert.Equal((3 + hole.Parameter) * 16 + hole.Addend, BitConverter.ToInt32(published.Count == 0 ? [] : f.Backend.Space.ReadPublished(code.Start + hole.Offset, 4)));
        }
    }

    private static List<Instruction> Decode(byte[] bytes, ulong ip)
    {
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(bytes), ip);
        var list = new List<Instruction>();
        while (decoder.IP < ip + (ulong)bytes.Length) list.Add(decoder.Decode());
        return list;
    }

    [Fact]
    public void Every_parameter_of_every_stencil_has_a_hole_inside_the_code()
    {
        var library = StencilLibrary.For(TestLayout.Layout);
        Assert.True(library.All.Count >= 80);
        Assert.Equal(library.All.Count, library.All.Select(s => s.Name).Distinct().Count());
        foreach (var stencil in library.All)
        {
            for (int p = 0; p < stencil.Parameters.Length; p++) Assert.Contains(stencil.Holes, h => h.Parameter == p);
            int previousEnd = 0;
            foreach (var hole in stencil.Holes)
            {
                Assert.True(hole.Offset >= previousEnd, $"{stencil.Name}: holes overlap");
                Assert.True(hole.Offset + hole.Width <= stencil.Size);
                Assert.True(stencil.Code.Slice(hole.Offset, hole.Width).IndexOfAnyExcept((byte)0) < 0);
                previousEnd = hole.Offset + hole.Width;
            }
        }
    }

    [Fact]
    public void Builder_rejects_parameters_without_holes_and_unnamed_external_references()
    {
        var unused = new StencilBuilder("unused", StencilKind.Jump);
        unused.ValueSlot("never");
        unused.Asm.ret();
        Assert.Contains("no hole", Assert.Throws<InvalidOperationException>(() => unused.Build()).Message);

        var stray = new StencilBuilder("stray", StencilKind.Jump);
        stray.Asm.jmp(StencilBuilder.AssemblyBase + 0x100000);
        Assert.Contains("without a code target", Assert.Throws<InvalidOperationException>(() => stray.Build()).Message);

        var rip = new StencilBuilder("rip", StencilKind.Jump);
        rip.Asm.AddInstruction(Instruction.Create(Iced.Intel.Code.Jmp_rm64, new MemoryOperand(Register.RIP, (long)StencilBuilder.AssemblyBase + 0x5000)));
        Assert.Contains("data cell", Assert.Throws<InvalidOperationException>(() => rip.Build()).Message);
    }

    [Fact]
    public void Emit_checks_operand_count_kinds_and_labels()
    {
        using var f = new JitFixture();
        f.Unit.Begin("bad");
        Assert.Throws<ArgumentException>(() => f.Unit.Emit(f.S.Int.Add, Slot(0), Slot(1)));
        Assert.Throws<ArgumentException>(() => f.Unit.Emit(f.S.Int.Add, Slot(0), Imm(1), Slot(2), Code(0)));
        var label = f.Unit.NewLabel();
        f.Unit.Bind(label);
        Assert.Throws<InvalidOperationException>(() => f.Unit.Bind(label));
        f.Unit.Emit(f.S.Guards.Int, Slot(0), f.Unit.NewLabel());
        Assert.Throws<InvalidOperationException>(() => f.Unit.TryPublish(out _)); // unbound label
        Assert.Throws<ArgumentException>(() => f.Unit.Bind(new Label(99)));
        Assert.Throws<InvalidOperationException>(() => new ExitRecord(0, 1).Pack());
        Assert.Equal(new ExitRecord(3, -5), ExitRecord.Unpack(new ExitRecord(3, -5).Pack()));
    }
}
