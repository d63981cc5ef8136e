using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Bench.Backend;

/// <summary>
/// The cost of one hop of each kind (docs/LINKING.md): a chain of 1000 separately published blocks,
/// each `slot0 += 1` then a jump to the next block, run from .NET through the entry trampoline:
/// a direct jmp rel32 (what --link patch and --link reemit leave), a jmp [rip+slot] whose target
/// never changes (--link indirect once linked), and a jmp [rip+slot] whose target changes before
/// every run: each slot is pointed at one of two equivalent next blocks, chosen at random, so the
/// indirect branch predictor cannot know it (what each first jump after a relink pays). The cost
/// per hop is (Kind - Direct) / 1000; EnterOnly is one entry and exit, RelinkOnly the relinking.
/// </summary>
public unsafe class SlotJumpBenchmarks
{
    public const int Blocks = 1000;
    private JitBackend _backend = null!;
    private nint _frame, _direct, _throughSlots, _exitOnly, _changing;
    private IndirectSlot[] _changingSlots = [];
    private nint[][] _changingTargets = [];
    private int[][] _patterns = [];
    private int _run;

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
        SetupChanging(unit, s);
    }

    /// <summary>Blocks X_i jump through slot i to X_{i+1} or to Y_{i+1}, a twin that does the same
    /// work and jumps straight to X_{i+1}'s jump through its slot: every run executes the same 1000
    /// indirect jumps, each to the target its slot was given for this run.</summary>
    private void SetupChanging(CodeUnitBuilder unit, Lbbv.Backend.Stencils.StencilLibrary s)
    {
        _changingSlots = new IndirectSlot[Blocks];
        var x = new nint[Blocks];
        var y = new nint[Blocks];
        for (int i = 0; i < Blocks; i++)
        {
            if (!_backend.TryAllocateSlot($"changing {i}", out _changingSlots[i]))
                throw new InvalidOperationException();
            var slot = _changingSlots[i];
            x[i] = Publish(unit, $"x {i}", u => Block(u, s, Cell(slot), s.Control.JumpThroughSlot));
        }
        int site = s.Int.AddConstant.Size;
        for (int i = 0; i < Blocks; i++)
        {
            nint jumpSite = x[i] + site;
            y[i] = Publish(unit, $"y {i}", u => Block(u, s, Code(jumpSite), s.Control.Jump));
        }
        _changingTargets = [.. Enumerable.Range(0, Blocks)
            .Select(i => i + 1 < Blocks ? new[] { x[i + 1], y[i + 1] } : [_exitOnly, _exitOnly])];
        var random = new Random(15);
        _patterns = [.. Enumerable.Range(0, 64)
            .Select(_ => Enumerable.Range(0, Blocks).Select(_ => random.Next(2)).ToArray())];
        _changing = x[0];
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

    [Benchmark(Description = "1000 blocks, jmp [rip+slot], target changed at random before each run")]
    public ExitRecord SlotsChanging()
    {
        Relink();
        return Run(_changing);
    }

    [Benchmark(Description = "relinking 1000 slots only")]
    public int RelinkOnly() => Relink();

    private int Relink()
    {
        var pattern = _patterns[_run++ & 63];
        for (int i = 0; i < Blocks; i++)
            // SAFETY: the slot is an 8-byte data cell of this benchmark's backend; both targets are
            // published blocks. A raw store, so that relinking costs little next to the run.
            *(nint*)_changingSlots[i].Address = _changingTargets[i][pattern[i]];
        return pattern[0];
    }

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
