using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Calls into .NET <c>[UnmanagedCallersOnly]</c> helpers with the SysV ABI:
/// <c>long helper(void* vm, Value* frame, long a0, long a1, long a2)</c>. Machine code keeps
/// rsp 16-byte aligned between stencils, so a plain <c>call</c> is aligned. The helper returns a
/// status: 0 to continue, anything else (by convention a packed exit record) makes the code
/// branch to <c>error</c>, typically an <c>Control.ReturnStatus</c> or an exit.
/// </summary>
public sealed class CallStencils : StencilFamily
{
    private readonly Stencil[] _helper;

    internal CallStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        _helper = [.. Enumerable.Range(0, MaxArguments + 1).Select(n => Build($"Call.Helper{n}", StencilKind.HelperCall, b =>
        {
            ulong helper = b.Int64("helper");
            var argumentRegisters = new[] { rdx, rcx, r8 };
            var arguments = Enumerable.Range(0, n).Select(i => b.Int64($"a{i}")).ToArray();
            ulong error = b.CodeTarget("error");
            b.Asm.mov(rdi, r13);
            b.Asm.mov(rsi, r12);
            for (int i = 0; i < n; i++) b.Asm.mov(argumentRegisters[i], arguments[i]);
            b.Asm.mov(rax, helper);
            b.Asm.call(rax);
            b.Asm.test(rax, rax);
            b.Asm.jne(error);
        }))];
    }

    public const int MaxArguments = 3;

    /// <summary>(helper:Int64, a0..a{n-1}:Int64, error): call a helper with n extra arguments.</summary>
    public Stencil Helper(int arguments) => _helper[arguments];
}
