using System.Text.RegularExpressions;
using Lbbv.Backend.Stencils;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

public sealed class ObservabilityTests
{
    [Fact]
    public void Perf_map_has_a_line_per_published_range()
    {
        string path = Path.Combine(Path.GetTempPath(), $"perf-test-{Guid.NewGuid():N}.map");
        try
        {
            Emission.PublishedCode code;
            using (var f = new JitFixture(options: new BackendOptions { CodeSize = 1 << 20, DataSize = 4096, WritePerfMap = true, PerfMapPath = path }))
            {
                code = f.Compile((u, _, _) => u.Emit(f.S.Frame.StoreNone, Slot(0)), "block 3 @ bc 12");
                Assert.True(f.Backend.TryAllocateSlot("x", out _));
            }
            var lines = File.ReadAllLines(path);
            Assert.Equal(4, lines.Length); // trampoline, lazy stub, the block, the slot stub
            Assert.All(lines, l => Assert.Matches(new Regex("^[0-9a-f]+ [0-9a-f]+ lbbv:.+$"), l));
            Assert.Contains($"{(ulong)code.Start:x} {code.Size:x} lbbv:block 3 @ bc 12", lines);
            Assert.Contains(lines, l => l.EndsWith(" lbbv:entry-trampoline"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Disassembly_names_stencils_notes_slots_and_data_cells()
    {
        using var f = new JitFixture();
        Assert.True(f.Backend.TryAllocateSlot("loop header", out var slot));
        var code = f.Compile((u, slow, _) =>
        {
            u.Annotate("bc 4: BINARY_ADD");
            u.Emit(f.S.Int.Add, Slot(3), Slot(4), Slot(5), slow);
            u.Emit(f.S.Control.JumpThroughSlot, slot);
        }, "block 7");
        string text = f.Backend.Disassemble(code);
        Assert.Contains("; block 7 at 0x", text);
        Assert.Contains("; bc 4: BINARY_ADD", text);
        Assert.Contains(";   Int.Add", text);
        Assert.Contains("mov rax, [r12+30h]  ; slot 3", text);
        Assert.Contains("[slot:loop header]", text);
        Assert.Contains("[counter:done]", text);
        Assert.Contains("jo block 7+0x", text);
        Assert.Contains(text, f.Backend.DisassembleAll());
    }

    [Fact]
    public void Counters_count_what_was_published()
    {
        using var f = new JitFixture();
        var before = f.Backend.Counters.BytesPublished;
        var code = f.Compile((u, slow, _) =>
        {
            u.Emit(f.S.Guards.Int, Slot(0), slow);
            u.Emit(f.S.Int.Add, Slot(0), Slot(0), Slot(1), slow);
        });
        var c = f.Backend.Counters;
        Assert.Equal(before + code.Size, c.BytesPublished);
        Assert.Equal(3, c.StencilsEmitted(StencilKind.Exit) - 0); // the fixture's three exits
        Assert.Equal(1, c.StencilsEmitted(StencilKind.Guard));
        Assert.Equal(1, c.StencilsEmitted(StencilKind.IntArithmetic));
        Assert.Equal(1, c.StencilsEmitted(StencilKind.Entry));
        Assert.Equal(3, c.UnitsPublished); // trampoline, lazy stub, this unit
        Assert.Equal(3, c.CountersAllocated);
        Assert.Contains(c.Snapshot(), kv => kv.Key == "backend.bytes_published" && kv.Value == c.BytesPublished);
    }
}
