// Why JIT code returned to the interpreter: the high half of a packed ExitRecord.
namespace Lbbv.Jit;

/// <summary>The closed set of reasons machine code leaves to the interpreter. Every reason below
/// <see cref="Return"/> resumes the interpreter at the exit's bytecode offset, before that op, with
/// the operand stack at the op's static entry depth.</summary>
public enum ExitReason : uint
{
    /// <summary>An op the JIT neither specializes nor implements in a helper.</summary>
    Unsupported = 1,
    /// <summary>A type guard failed and the block is at its version cap (or the chain is full).</summary>
    GuardFailed,
    /// <summary>A local or global is unbound: the interpreter raises the error.</summary>
    Unbound,
    /// <summary>The lazy compiler could not compile the target (code or data space exhausted).</summary>
    CompileFailed,
    /// <summary>ReturnValue: the value is on top of the stack at the op's entry depth.</summary>
    Return,
    /// <summary>A helper raised and this frame has a handler: f->Ip/f->Sp are set to the handler.</summary>
    Handled,
    /// <summary>A helper raised and this frame has no handler: ThreadState.Pending holds it.</summary>
    Raised,
    /// <summary>A helper hit a .NET exception that is not a Python one (a VM bug): rethrown in .NET.</summary>
    Crash,
}

public static class ExitReasons
{
    public const int Count = (int)ExitReason.Crash + 1;

    public static string Name(ExitReason reason) => reason switch
    {
        ExitReason.Unsupported => "unsupported_op",
        ExitReason.GuardFailed => "guard_failed",
        ExitReason.Unbound => "unbound",
        ExitReason.CompileFailed => "compile_failed",
        ExitReason.Return => "return",
        ExitReason.Handled => "exception_handled",
        ExitReason.Raised => "exception_raised",
        ExitReason.Crash => "crash",
        _ => "unknown",
    };
}
