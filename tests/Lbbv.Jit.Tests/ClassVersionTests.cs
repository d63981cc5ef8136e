using Lbbv.Tests;

namespace Lbbv.Jit.Tests;

/// <summary>A class change (a new class attribute, a slot whose values widen from one tag to mixed, a
/// watched global rebound) bumps the VM's class version, and every version that checks it goes stale. Stale
/// versions are pruned: recompiled code does not count them against the version cap, and it is compiled as
/// the interpreter's refreshed caches would have it, not through generic helpers.</summary>
[Collection("vm")] // one VM at a time: the JIT runtime and the class version are process-wide
public sealed class ClassVersionTests
{
    private const string Phases = """
        class Node:
            def __init__(self, v):
                self.v = v
                self.next = None


        def total(nodes):
            s = 0
            for n in nodes:
                s += n.v
            return s


        nodes = [Node(i) for i in range(50)]
        results = []
        for phase in range(6):
            setattr(Node, "tag%d" % phase, phase)
            results.append(total(nodes))
        print(sum(results))

        """;

    /// <summary>Six changes: within the invalidation budget (<see cref="Versioning.CodeVersions.MaxPruneRounds"/>).
    /// </summary>
    [Fact]
    public void Class_changes_between_phases_recompile_stale_versions_without_reaching_the_cap()
    {
        using var run = new JitRun(Phases, JitRun.Eager());
        Assert.Equal("7350\n", run.Stdout);
        var counters = run.Stats.Counters(run.InterpreterBytecodes).ToDictionary(c => c.Key, c => c.Value);
        Assert.True(counters["lbbv_versions_invalidated"] >= 5, $"{counters["lbbv_versions_invalidated"]} invalidated");
        Assert.Equal(0, counters["lbbv_blocks_at_version_cap"]);
        Assert.Equal(0, counters["lbbv_generic_versions"]);
        Assert.Equal(0, counters.GetValueOrDefault("lbbv_helper_LoadAttr"));
        var blocks = run.Tier.Codes.First(c => c.Code.Code.QualName == "total").Blocks;
        Assert.All(blocks, b => Assert.All(b.Value, v => Assert.False(v.IsStale)));
    }

    /// <summary>Fuzz seed 2606's shape: a class attribute set on every iteration of a hot loop. Pruning has a
    /// budget per code object, past which stale versions stay and count against the cap; without it the
    /// loop was compiled again on every iteration (9,004 units for 3,000 iterations).</summary>
    [Fact]
    public void A_class_changed_on_every_iteration_stops_being_recompiled_after_the_invalidation_budget()
    {
        string source = File.ReadAllText(Path.Combine(RepoPaths.Programs, "jit_class_changed_every_iteration.py"));
        using var run = new JitRun(source, JitRun.Eager());
        Assert.Equal("3000\n", run.Stdout);
        Assert.True(run.Stats.UnitsCompiled < 100, $"{run.Stats.UnitsCompiled} units compiled");
        Assert.False(run.Tier.Codes.First(c => c.Code.Code.QualName == "work").PrunesStale);
    }
}
