namespace Lbbv.Jit.Frames;

/// <summary>What the register cache did at compile time (--stats): spills emitted by reason, and
/// how the register-aware float and int ops found their operands and left their results.</summary>
public sealed class RegisterCacheCounts
{
    private readonly long[] _spills = new long[Enum.GetValues<SpillReason>().Length];

    /// <summary>Spill stencils emitted for <paramref name="reason"/>.</summary>
    public long Spills(SpillReason reason) => _spills[(int)reason];

    public void CountSpill(SpillReason reason) => _spills[(int)reason]++;

    /// <summary>Operands of register-aware ops found in a cache register / read from a slot.</summary>
    public long RegisterInputs, FrameInputs;

    /// <summary>Register-aware ops emitted, and those whose every operand was in a register.</summary>
    public long Ops, OpsWithRegisterInputs;

    /// <summary>Results left in a cache register (no frame store) / stored straight to a local.</summary>
    public long ResultsInRegister, ResultsStored;

    /// <summary>Counts one register-aware op with its operands' places.</summary>
    public void CountOp(params bool[] inRegister)
    {
        Ops++;
        int registers = inRegister.Count(r => r);
        RegisterInputs += registers;
        FrameInputs += inRegister.Length - registers;
        if (registers == inRegister.Length) OpsWithRegisterInputs++;
    }

    private readonly List<Backend.Emission.CodeUnitBuilder> _units = [];

    /// <summary>Sums the frame slot loads and stores <paramref name="unit"/> emits into the counters
    /// (it counts them: <see cref="Backend.Emission.CodeUnitBuilder.CountFrameAccesses"/>).</summary>
    public void Track(Backend.Emission.CodeUnitBuilder unit)
    {
        unit.CountFrameAccesses = true;
        _units.Add(unit);
    }

    private Func<long>? _loadsExecuted, _storesExecuted;

    /// <summary>Counts the frame slot loads and stores <paramref name="unit"/>'s code executes, in two cells
    /// of <paramref name="backend"/> (`--count-frame-traffic`).</summary>
    public void CountExecuted(Backend.Emission.CodeUnitBuilder unit, Backend.JitBackend backend)
    {
        if (!backend.TryAllocateCounter("frame-loads-executed", out var loads)
            || !backend.TryAllocateCounter("frame-stores-executed", out var stores)) return;
        unit.FrameTraffic = (loads, stores, backend.Stencils.Counter.AddKeepingFlags);
        _loadsExecuted = () => backend.Read(loads);
        _storesExecuted = () => backend.Read(stores);
    }

    /// <summary>The counters under <paramref name="prefix"/> (`lbbv_`).</summary>
    public IEnumerable<KeyValuePair<string, long>> Counters(string prefix)
    {
        foreach (var reason in Enum.GetValues<SpillReason>())
            yield return new($"{prefix}regcache_spills_{reason.ToString().ToLowerInvariant()}", Spills(reason));
        yield return new($"{prefix}regcache_ops", Ops);
        yield return new($"{prefix}regcache_ops_with_register_inputs", OpsWithRegisterInputs);
        yield return new($"{prefix}regcache_register_inputs", RegisterInputs);
        yield return new($"{prefix}regcache_frame_inputs", FrameInputs);
        yield return new($"{prefix}regcache_results_in_register", ResultsInRegister);
        yield return new($"{prefix}regcache_results_stored", ResultsStored);
        yield return new($"{prefix}regcache_frame_loads_emitted", _units.Sum(u => u.FrameLoadsEmitted));
        yield return new($"{prefix}regcache_frame_stores_emitted", _units.Sum(u => u.FrameStoresEmitted));
        if (_loadsExecuted is null || _storesExecuted is null) yield break;
        yield return new($"{prefix}regcache_frame_loads_executed", _loadsExecuted());
        yield return new($"{prefix}regcache_frame_stores_executed", _storesExecuted());
    }
}
