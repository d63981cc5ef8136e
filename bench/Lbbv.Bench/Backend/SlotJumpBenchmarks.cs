using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Bench.Backend;

/// <summary>
/// The cost of a jump through an indirect slot against a direct jump: a chain of 1000 separately
/// published blocks, each `slot0 += 1` then a jump to the next block (jmp rel32, or jmp
/// [rip+slot]), run from .NET through the entry trampoline. The per-jump difference is
/// (Slots - Direct) / 1000; EnterOnly is the cost of one entry and exit.
/// </summary>
public unsafe class SlotJumpBenchmarks
{
    public const int Blocks = 1000;
    private JitBackend _backend = null!;
    private nint _frame, _direct, _throughSlots, _exitOnly;

    [GlobalSetup]
    public void Setup()
    {
        _backend = new JitBackend(BenchLayout.Layout, new BackendOptions { CodeSize = 16 << 20 });
        // SAFETY: a 4-slot native frame owned by this benchmark until cleanup.
        _frame = (nint)NativeMemory.AlignedAlloc(64, 16);
        new Span<byte>((void*)_frame, 64).Clear();
        var s = _backend.Stencils;
        var unit = _backend.CreateUnitBuilder();
        if (!_backend.TryAllocateCounter("exit", out var counter)) throw new InvalidOperationException();

        _exitOnly = Publish(unit, "exit", u => u.Emit(s.Control.Exit, counter, new ExitRecord(1, 0)));

        // Direct: block i jumps to block i+1, published first (targets must be published code).
        nint next = _exitOnly;
        for (int i = Blocks - 1; i >= 0; i--)
        {
            nint target = next;
            next = Publish(unit, $"direct {i}", u => Block(u, s, Code(target), s.Control.Jump));
        }
        _direct = next;

        // Through slots: the same chain, each block jumping through its own slot, linked afterwards.
        var slots = new IndirectSlot[Blocks];
        var starts = new nint[Blocks];
        for (int i = Blocks - 1; i >= 0; i--)
        {
            if (!_backend.TryAllocateSlot($"next {i}", out slots[i])) throw new InvalidOperationException();
            var slot = slots[i];
            starts[i] = Publish(unit, $"slot {i}", u => Block(u, s, Cell(slot), s.Control.JumpThroughSlot));
        }
        for (int i = 0; i < Blocks; i++) _backend.Link(slots[i], i + 1 < Blocks ? starts[i + 1] : _exitOnly);
        _throughSlots = starts[0];
    }

    private static void Block(CodeUnitBuilder u, Lbbv.Backend.Stencils.StencilLibrary s, Operand next, Lbbv.Backend.Stencils.Stencil jump)
    {
        var overflow = u.NewLabel();
        u.Emit(s.Int.AddConstant, Slot(0), Imm(1), Slot(0), overflow);
        u.Emit(jump, next);
        u.Bind(overflow);
        u.Emit(s.Control.ReturnStatus);
    }

    private static nint Publish(CodeUnitBuilder unit, string name, Action<CodeUnitBuilder> body)
    {
        unit.Begin(name);
        body(unit);
        return unit.TryPublish(out var code) ? code.Start : throw new InvalidOperationException("code space full");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _backend.Dispose();
        // SAFETY: allocated in Setup, freed once.
        NativeMemory.AlignedFree((void*)_frame);
    }

    [Benchmark(Baseline = true, Description = "1000 blocks, direct jmp rel32")]
    public ExitRecord Direct() => Run(_direct);

    [Benchmark(Description = "1000 blocks, jmp [rip+slot]")]
    public ExitRecord Slots() => Run(_throughSlots);

    [Benchmark(Description = "enter + exit only")]
    public ExitRecord EnterOnly() => Run(_exitOnly);

    private ExitRecord Run(nint code)
    {
        // SAFETY: slot 0 of the frame holds an int (tag 1); reset so it never overflows.
        *(long*)_frame = 0;
        *(long*)(_frame + 8) = 1;
        return _backend.Enter(code, _frame, 0);
    }
}
