using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Lbbv.Backend;
using Lbbv.Bench.Backend;

// `--block-size` prints the typical block's bytes and stencil count (to turn ns/block into bytes/s);
// anything else goes to BenchmarkDotNet, e.g. `--filter '*Emission*' '*SlotJump*'`.
if (args is ["--block-size"])
{
    using var backend = new JitBackend(BenchLayout.Layout);
    var unit = backend.CreateUnitBuilder();
    backend.TryAllocateSlot("a", out var a);
    backend.TryAllocateSlot("b", out var b);
    backend.TryAllocateCounter("c", out var c);
    TypicalBlock.Emit(backend, unit, a, b, c);
    Console.WriteLine($"typical block: {unit.Size} bytes, {unit.StencilCount} stencils");
    for (int round = 0; round < 3; round++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 200_000; i++) TypicalBlock.Emit(backend, unit, a, b, c);
        Console.WriteLine($"stopwatch: {watch.Elapsed.TotalNanoseconds / 200_000:F1} ns/block");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(EmissionBenchmarks).Assembly).Run(args, DefaultConfig.Instance);
return 0;
