using System.Diagnostics;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Jit;

namespace Lbbv.Versioning;

/// <summary>
/// The LBBV tier's counters. Compile-side counts are kept here; run-time counts live in data cells
/// that machine code increments (<see cref="ExitCounter"/>): exits always (every exit stencil bumps
/// its reason's counter), the rest only with <see cref="LbbvOptions.CountInCode"/> (--stats).
/// </summary>
public sealed class LbbvStatistics
{
    private readonly JitBackend _backend;
    private readonly ExitCounter[] _exits = new ExitCounter[ExitReasons.Count];

    public LbbvStatistics(JitBackend backend, bool countInCode, long[] exitsSeen)
    {
        _backend = backend;
        ExitsSeen = exitsSeen;
        CountInCode = countInCode;
        for (int r = 1; r < ExitReasons.Count; r++)
            _exits[r] = Allocate($"exit:{ExitReasons.Name((ExitReason)r)}");
        if (countInCode)
        {
            TypeTestsExecuted = Allocate("type-tests-executed");
            ClassChecksExecuted = Allocate("class-checks-executed");
            IndirectJumps = Allocate("indirect-jumps");
            BytecodesInCode = Allocate("bytecodes-in-code");
            HelperCalls = Allocate("helper-calls");
            DirectCalls = Allocate("direct-calls");
        }
    }

    public bool CountInCode { get; }
    public ExitCounter ExitCounter(ExitReason reason) => _exits[(int)reason];
    public ExitCounter? TypeTestsExecuted { get; }
    /// <summary>Class (shape) checks before instance attribute and method fast paths: counted apart
    /// from type tests, which test a value's tag or object kind (as the ECOOP 2015 paper counts).</summary>
    public ExitCounter? ClassChecksExecuted { get; }
    public ExitCounter? IndirectJumps { get; }
    public ExitCounter? BytecodesInCode { get; }
    public ExitCounter? HelperCalls { get; }
    /// <summary>Calls from machine code straight into a callee's machine code.</summary>
    public ExitCounter? DirectCalls { get; }

    public long VersionsCompiled;
    public long GenericVersions;
    public long UnitsCompiled;
    public long TypeTestsEmitted;
    public long ClassChecksEmitted;
    public long StubHits;
    public long ChainCompiles;
    public long Entries;
    public long HelperCallsEmitted;
    public long DirectCallsEmitted;
    /// <summary>Exits to the interpreter by reason, seen by the tier or by FinishCall (a directly called frame's); owned by the tier.</summary>
    public long[] ExitsSeen { get; }
    public readonly Stopwatch CompileTime = new();

    public long Read(ExitCounter? counter) => counter is { } c ? _backend.Read(c) : 0;

    private ExitCounter Allocate(string name) =>
        _backend.TryAllocateCounter(name, out var counter) ? counter : throw new InvalidOperationException("data space exhausted");
}
