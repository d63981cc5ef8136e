using Lbbv.Versioning;

namespace Lbbv.Jit.Tests;

/// <summary>Attribute slots typed by one class (docs/LBBV.md): a slot whose values were all instances
/// of one class loads that class's instances with the class known, so the next attribute op on the
/// loaded object checks no class; a store of anything else widens the record, and code compiled
/// after that no longer relies on it.</summary>
[Collection("vm")]
public sealed class SlotClassTests
{
    private const string Energy = """
        class Vec:
            def __init__(self, x, y):
                self.x = x
                self.y = y
        class Body:
            def __init__(self, i):
                self.pos = Vec(i, -i)
                self.vel = Vec(0.5 * i, 1.5)
        def energy(bodies):
            t = 0.0
            for b in bodies:
                t += b.vel.x * b.vel.x + b.vel.y * b.vel.y
            return t
        bodies = [Body(i) for i in range(100)]
        print(sum(energy(bodies) for _ in range(20)))
        """;

    [Fact]
    public void An_attribute_loaded_typed_by_its_slots_class_needs_no_class_check_on_the_next_load()
    {
        using var run = new JitRun(Energy, JitRun.Eager());
        Assert.Equal("1646250.0\n", run.Stdout);
        const int iterations = 20 * 100;
        // b.vel four times per iteration: each pushes an instance of Vec, so `.x`/`.y` check nothing.
        long typed = run.Jit.Read(run.Jit.ClassTypedAttributeLoads);
        long avoided = run.Jit.Read(run.Jit.RecordClassChecksAvoided);
        Assert.True(typed >= 4 * iterations, $"{typed} loads typed by their slot's class");
        Assert.True(avoided >= 4 * iterations, $"{avoided} class checks avoided");
        // Left: b's class, once per iteration (five per iteration without the records), and the
        // constructors' checks.
        long checks = run.Jit.Read(run.Jit.ClassChecksExecuted);
        Assert.True(checks < 2 * iterations, $"{checks} class checks");
    }

    private const string Widening = """
        class Node:
            def __init__(self, v):
                self.value = v
        class Other:
            def __init__(self, v):
                self.pad = 0
                self.value = v * 10
        class Sub(Node):
            pass
        class Holder:
            def __init__(self, item):
                self.item = item
        def total(holders):
            s = 0
            for h in holders:
                it = h.item
                if it is not None:
                    s += it.value
            return s
        holders = [Holder(Node(i)) for i in range(100)]
        first = 0
        for _ in range(20):
            first += total(holders)
        ACTION
        second = 0
        for _ in range(20):
            second += total(holders)
        print(first, second)
        """;

    [Theory]
    [InlineData("holders[5].item = Other(5)", "99000 99900")]
    [InlineData("holders[5].item = None", "99000 98900")]
    [InlineData("holders[5].item = Sub(5)", "99000 99000")]
    [InlineData("holders[5].item.__class__ = Sub", "99000 99000")]
    [InlineData("setattr(holders[5], 'item', Other(5))", "99000 99900")]
    [InlineData("holders[5].__dict__['item'] = Other(5)", "99000 99900")]
    public void A_record_widened_by_a_store_is_no_longer_relied_on(string action, string expected)
    {
        using var run = new JitRun(Widening.Replace("ACTION", action), JitRun.Eager());
        Assert.Equal(expected + "\n", run.Stdout);
        var code = run.Tier.Codes.First(c => c.Code.Code.QualName == "total");
        // Before the action, `h.item` was typed by Holder.item's record (those versions went stale);
        // the versions compiled after it type nothing by class.
        Assert.Contains(code.Pruned, v => v.Tally.ClassTypedAttributeLoads.Count > 0);
        var current = code.Blocks.SelectMany(b => b.Value).Where(v => !v.IsStale).ToList();
        Assert.NotEmpty(current);
        Assert.All(current, v => Assert.Empty(v.Tally.ClassTypedAttributeLoads));
    }

    [Fact]
    public void The_tracer_types_the_same_loads_through_the_shared_lowering()
    {
        using var run = new TraceRun(Energy);
        Assert.Equal("1646250.0\n", run.Stdout);
        long typed = run.Read(run.Jit.ClassTypedAttributeLoads);
        Assert.True(typed >= 4 * 1000, $"{typed} loads typed by their slot's class");
    }
}
