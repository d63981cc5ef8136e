using System.Globalization;
using Lbbv.Backend.Observability;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

public sealed class CodeSpaceTests
{
    private static string PermissionsOf(nint address)
    {
        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            ulong start = ulong.Parse(range[0], NumberStyles.HexNumber), end = ulong.Parse(range[1], NumberStyles.HexNumber);
            if ((ulong)address >= start && (ulong)address < end) return fields[1];
        }
        return "unmapped";
    }

    [Fact]
    public void Code_is_mapped_read_execute_data_read_write_and_nothing_is_both()
    {
        using var f = new JitFixture();
        var code = f.Compile((u, _, _) => u.Emit(f.S.Frame.StoreNone, Slot(0)));
        var space = f.Backend.Space;
        Assert.Equal("r-xs", PermissionsOf(code.Start));
        Assert.Equal("rw-p", PermissionsOf(space.DataStart));
        Assert.Equal(space.CodeStart, space.DataStart + (nint)space.DataSize);
        Assert.True(space.DataSize + space.CodeSize < int.MaxValue);
        Assert.Empty(WxAudit.WritableExecutableMappings());
    }

    [Fact]
    public void Running_out_of_code_space_is_a_counted_clean_failure()
    {
        using var f = new JitFixture(options: new BackendOptions { CodeSize = 4096, DataSize = 4096, TrackPublishedHashes = true });
        var first = f.Compile((u, _, _) => u.Emit(f.S.Frame.StoreSmallInt, Slot(0), Imm(5)));
        int published = 1;
        while (true)
        {
            f.Unit.Begin("filler");
            f.Unit.Emit(f.S.Frame.StoreSmallInt, Slot(0), Imm(6));
            f.Unit.Emit(f.S.Control.Exit, f.DoneCounter, new Emission.ExitRecord(1, 0));
            if (!f.Unit.TryPublish(out _)) break;
            published++;
        }
        Assert.True(published > 10);
        Assert.Equal(1, f.Backend.Counters.CodeSpaceExhausted);
        // Smaller units may still fit in the tail; fill it completely.
        do f.Unit.Begin("tail").Emit(f.S.Control.ReturnStatus);
        while (f.Unit.TryPublish(out _));
        Assert.False(f.Backend.TryAllocateSlot("late", out _));
        Assert.Equal(3, f.Backend.Counters.CodeSpaceExhausted);
        // Code published before the space ran out still runs.
        Assert.Equal(JitFixture.Done, f.Backend.Enter(first.Start, f.Frame.Address, 0).Reason);
        Assert.Equal(5, f.Frame.Int(0));
    }

    [Fact]
    public void Running_out_of_data_space_is_a_counted_clean_failure()
    {
        using var f = new JitFixture(options: new BackendOptions { CodeSize = 1 << 20, DataSize = 4096 });
        int counters = 0;
        while (f.Backend.TryAllocateCounter($"c{counters}", out _)) counters++;
        Assert.Equal(4096 / 8 - 6, counters); // minus the lazy-compiler and returned-value cells, the fixture's three counters
        Assert.False(f.Backend.TryAllocateSlot("late", out _));
        Assert.Equal(2, f.Backend.Counters.DataSpaceExhausted);
    }

    [Fact]
    public void Published_bytes_never_change_over_a_run_that_compiles_and_links()
    {
        using var f = new JitFixture();
        for (int i = 0; i < 50; i++)
        {
            Assert.True(f.Backend.TryAllocateSlot($"s{i}", out var slot));
            var target = f.Compile((u, slow, _) => u.Emit(f.S.Int.AddConstant, Slot(0), Imm(i), Slot(0), slow), $"t{i}");
            f.Unit.Begin($"j{i}");
            f.Unit.Emit(f.S.Control.JumpThroughSlot, slot);
            Assert.True(f.Unit.TryPublish(out var jump));
            f.Backend.Link(slot, target.Start);
            f.Frame.SetInt(0, 0);
            Assert.Equal(JitFixture.Done, f.Backend.Enter(jump.Start, f.Frame.Address, 0).Reason);
            Assert.Equal(i, f.Frame.Int(0));
            Assert.Empty(WxAudit.WritableExecutableMappings());
        }
        Assert.True(f.Backend.Space.PublishedRangeCount > 150);
        Assert.Empty(f.Backend.FindModifiedCode());
    }
}
