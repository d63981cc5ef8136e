using Lbbv.Backend.Emission;
using Lbbv.Backend.Observability;

namespace Lbbv.Backend.Tests;

/// <summary>
/// A backend, an arena and a frame for one test, with the standard block shape: code, then an
/// exit for "done" and one for "slow". Checks W^X and code immutability when disposed.
/// </summary>
internal sealed class JitFixture : IDisposable
{
    public const uint Done = 1, Slow = 2, Failed = 3;

    public JitFixture(int slots = 8, BackendOptions? options = null)
    {
        options ??= new BackendOptions { CodeSize = 1 << 20, DataSize = 1 << 16, KeepListings = true };
        Backend = new JitBackend(TestLayout.Layout, options with { TrackPublishedHashes = true });
        Arena = new NativeMemoryArena();
        Frame = Arena.NewFrame(slots);
        Unit = Backend.CreateUnitBuilder();
        Assert.True(Backend.TryAllocateCounter("done", out DoneCounter));
        Assert.True(Backend.TryAllocateCounter("slow", out SlowCounter));
        Assert.True(Backend.TryAllocateCounter("failed", out FailedCounter));
    }

    public JitBackend Backend { get; }
    public NativeMemoryArena Arena { get; }
    public Frame Frame { get; }
    public CodeUnitBuilder Unit { get; }
    public Stencils.StencilLibrary S => Backend.Stencils;
    public readonly ExitCounter DoneCounter, SlowCounter, FailedCounter;

    /// <summary>
    /// Builds a unit: <paramref name="body"/> gets (unit, slow label, failed label) and may fall
    /// through to the "done" exit. Publishes it and runs it once on the frame.
    /// </summary>
    public ExitRecord Run(Action<CodeUnitBuilder, Label, Label> body, string name = "test")
    {
        var code = Compile(body, name);
        return Backend.Enter(code.Start, Frame.Address, 0);
    }

    public PublishedCode Compile(Action<CodeUnitBuilder, Label, Label> body, string name = "test")
    {
        Unit.Begin(name);
        var slow = Unit.NewLabel();
        var failed = Unit.NewLabel();
        body(Unit, slow, failed);
        Unit.Emit(S.Control.Exit, DoneCounter, new ExitRecord(Done, 100));
        Unit.Bind(slow);
        Unit.Emit(S.Control.Exit, SlowCounter, new ExitRecord(Slow, 200));
        Unit.Bind(failed);
        Unit.Emit(S.Control.Exit, FailedCounter, new ExitRecord(Failed, 300));
        Assert.True(Unit.TryPublish(out var code));
        return code;
    }

    /// <summary>Set by a test of <c>--link patch</c>, which checks the modified code itself.</summary>
    public bool ExpectsPatchedCode { get; set; }

    public void Dispose()
    {
        Assert.Empty(WxAudit.WritableExecutableMappings());
        if (!ExpectsPatchedCode) Assert.Empty(Backend.FindModifiedCode());
        Backend.Dispose();
        Arena.Dispose();
    }
}
