// The JIT's side of a run that machine code reaches through .NET entry points, and the one static
// of the JIT: machine code calls helpers and the lazy compiler as [UnmanagedCallersOnly] static
// methods, which receive the VM state (r13), the frame and the op's immediates but no object, so
// they find the run's counters, its compiler and its crash slot through Active.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Jit.Linking;
using Lbbv.Runtime;

namespace Lbbv.Jit;

/// <summary>What a frontend compiles when machine code first jumps through one of its indirect slots.</summary>
public unsafe interface ILazyCompiler
{
    /// <summary>Compiles the target of the slot at <paramref name="slotAddress"/> for the frame stopped
    /// there, links the slot and returns the code to continue at; or 0 after writing the exit record
    /// that resumes the interpreter.</summary>
    nint CompileForSlot(Frame* frame, nint slotAddress, ulong* exitRecord);

    /// <summary>A directly called frame's machine code left it with <paramref name="exit"/> (as its
    /// code wrote it) and FinishCall is about to finish it in the interpreter: the record to finish it
    /// with. A frontend whose exit records carry more than the shared reason, or whose code leaves
    /// frames of its own above the callee (a tracer's inlined calls), settles that here. The
    /// callee is the frame whose caller is <paramref name="caller"/>.</summary>
    ExitRecord CalleeLeft(Frame* caller, ExitRecord exit) => exit;
}

/// <summary>One engine's JIT runtime for a run: installed while the program runs, it is what helpers
/// count into and what the lazy-compile stub calls.</summary>
public sealed unsafe class JitRuntime
{
    private static volatile JitRuntime? _active;

    /// <summary>The installed runtime: the one static the JIT keeps (see the file's comment).</summary>
    public static JitRuntime? Active => _active;

    private readonly ILazyCompiler _compiler;
    private readonly HashSet<nint> _keptAlive = [];

    public JitRuntime(ILazyCompiler compiler) => _compiler = compiler;

    /// <summary>How the run's slots are linked (set with the backend, before the first compile); the
    /// lazy-compile entry asks it first whether a slot's stub was entered because its link is hot.</summary>
    public Linker? Linker { get; set; }

    /// <summary>Helper calls by opcode (the op a helper ran), for --stats.</summary>
    public long[] HelperCallsByOp { get; } = new long[256];

    /// <summary>Exits to the interpreter by reason, seen by the tier or by FinishCall (a directly
    /// called frame's side exits reach FinishCall, not the tier).</summary>
    public long[] ExitsSeen { get; } = new long[ExitReasons.Count];

    /// <summary>A .NET exception that was not a Python one, raised inside a helper or the lazy
    /// compiler: machine code leaves with a crash exit and <see cref="RethrowCrash"/> rethrows it.</summary>
    public Exception? Crash { get; set; }

    /// <summary>See <see cref="ILazyCompiler.CalleeLeft"/>.</summary>
    public ExitRecord CalleeLeft(Frame* caller, ExitRecord exit) => _compiler.CalleeLeft(caller, exit);

    public void Install() => _active = this;

    public void Uninstall()
    {
        if (_active == this) _active = null;
    }

    /// <summary>Names the helpers in the backend's listings and makes its lazy-compile stub call this runtime.</summary>
    public static void Attach(JitBackend backend)
    {
        foreach (var (name, address) in JitHelpers.All) backend.RegisterHelper(name, address);
        backend.SetLazyCompiler(&LazyCompile);
    }

    /// <summary>Machine code compares against this object's address: it must never be freed (and reused).</summary>
    public void KeepAlive(Value value)
    {
        if (_keptAlive.Add((nint)value.Payload)) PermanentRoots.Add(value);
    }

    /// <summary>Throws the crash a helper recorded (a VM bug), as a .NET exception.</summary>
    public void RethrowCrash()
    {
        var crash = Crash ?? new InvalidOperationException("JIT helper crashed");
        Crash = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(crash).Throw();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint LazyCompile(nint vm, nint slots, nint slotAddress, ulong* exitRecord)
    {
        // SAFETY: the stub passes r12 (the frame's slot base) and a pointer to its own 8-byte cell.
        var frame = (Frame*)((byte*)slots - FrameLayout.HeaderSize);
        var runtime = _active;
        try
        {
            if (runtime is null) throw new InvalidOperationException("no JIT runtime installed");
            if (runtime.Linker is { } linker && linker.TryHot(slotAddress, exitRecord, out nint code)) return code;
            return runtime._compiler.CompileForSlot(frame, slotAddress, exitRecord);
        }
        catch (Exception e)
        {
            if (runtime is not null) runtime.Crash = e;
            *exitRecord = new ExitRecord((uint)ExitReason.Crash, frame->Ip).Pack();
            return 0;
        }
    }
}
