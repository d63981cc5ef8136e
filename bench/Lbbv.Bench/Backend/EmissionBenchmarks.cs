using BenchmarkDotNet.Attributes;
using Lbbv.Backend;
using Lbbv.Backend.Emission;

namespace Lbbv.Bench.Backend;

/// <summary>
/// Emission throughput: copying and patching the stencils of one typical block, reserving fresh
/// code space and publishing it. When the code space runs low a new backend is created (the
/// amortized cost, about one mmap set-up per million blocks, is included).
/// </summary>
[MemoryDiagnoser]
public class EmissionBenchmarks
{
    private JitBackend _backend = null!;
    private CodeUnitBuilder _unit = null!;
    private IndirectSlot _taken, _notTaken;
    private ExitCounter _exits;

    [GlobalSetup]
    public void Setup() => Renew();

    [GlobalCleanup]
    public void Cleanup() => _backend.Dispose();

    [Benchmark(Description = "emit+publish typical block (8 stencils)")]
    public bool EmitTypicalBlock()
    {
        if (_backend.Space.CodeBytesFree < 1 << 20) Renew();
        return TypicalBlock.Emit(_backend, _unit, _taken, _notTaken, _exits);
    }

    private void Renew()
    {
        _backend?.Dispose();
        _backend = new JitBackend(BenchLayout.Layout);
        _unit = _backend.CreateUnitBuilder();
        if (!_backend.TryAllocateSlot("taken", out _taken) || !_backend.TryAllocateSlot("not-taken", out _notTaken)
            || !_backend.TryAllocateCounter("exits", out _exits))
            throw new InvalidOperationException("fresh backend is full");
    }
}
