using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>The int operations with register-cache variants whose second operand is an entry.</summary>
public enum IntOperation { Add, Subtract, Multiply, And, Or, Xor }

/// <summary>The int operations with register-cache variants whose second operand is an immediate:
/// a + imm32, a - imm32, a * imm32, a // 2**imm8 (an arithmetic shift), a % (imm32 + 1) (a mask).</summary>
public enum IntImmediateOperation { Add, Subtract, Multiply, ShiftRight, And }

/// <summary>
/// The register cache's int stencils: unboxed int64 payloads kept in rbx, r14 and r15 between
/// stencils (callee-saved in SysV and saved by the entry trampoline; no other stencil uses them,
/// Backend/README.md). A stack entry in slot s is cached in <see cref="RegisterOf"/>(s) =
/// (rbx, r14, r15)[s % 3], so a binary op's two operands (adjacent slots) are in different registers
/// and its result stays in its first operand's register. Every variant is generated from one builder
/// per kind of operation: each operand comes from its frame slot (`m`) or its cache register (`r`).
/// An op that overflows branches to (slow) with its inputs intact: a cached first operand is
/// restored (add, sub: undone; mul: from rax, where it was set aside), so the slow path can spill it and
/// redo the op.
/// </summary>
public sealed class GprStencils : StencilFamily
{
    /// <summary>Cache registers (rbx, r14, r15).</summary>
    public const int Registers = 3;

    private static readonly AssemblerRegister64[] Cache = [rbx, r14, r15];

    private readonly Stencil[] _spill = new Stencil[Registers], _storeReturn = new Stencil[Registers];
    private readonly Stencil[,,] _binary = new Stencil[6, 4, Registers]; // operation, modes, register
    private readonly Stencil[,,] _immediate = new Stencil[5, 2, Registers]; // operation, a's mode, register
    private readonly Stencil[,,] _branch = new Stencil[6, 4, Registers]; // comparison, modes, register
    private readonly Stencil[,] _branchImmediate = new Stencil[6, Registers];
    private readonly Stencil[,] _toXmm = new Stencil[Registers + 1, XmmStencils.Registers]; // Registers: from a slot
    private readonly Stencil[] _nonZero = new Stencil[Registers + 1]; // Registers: from a slot
    // b in the register after the next one ((r + 2) % 3): a cached local's register is its slot's.
    private readonly Stencil[,,] _binaryOther = new Stencil[6, 2, Registers]; // operation, a's mode, register
    private readonly Stencil[,] _branchOther = new Stencil[6, Registers]; // comparison, register (a in it)
    private readonly Stencil[,] _move = new Stencil[Registers, Registers], _load = new Stencil[Registers, 1];

    internal GprStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        for (int r = 0; r < Registers; r++)
        {
            var x = Cache[r];
            _spill[r] = BuildWithTag($"Gpr.Spill.{Name(r)}", StencilKind.FrameMove, (b, tag) =>
            {
                int dst = b.ValueSlot("dst");
                b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], x);
                if (tag) b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagInt);
            });
            _storeReturn[r] = Build($"Gpr.StoreReturn.{Name(r)}", StencilKind.Invoke, b =>
            {
                b.Asm.mov(InvokeStencils.ReturnPayload, x);
                b.Asm.mov(InvokeStencils.ReturnTag32, (int)l.TagInt);
            });
        }
        for (int r = 0; r < Registers; r++)
        {
            foreach (var operation in Enum.GetValues<IntOperation>())
                for (int modes = 0; modes < 4; modes++)
                    _binary[(int)operation, modes, r] = BuildBinary(operation, (modes & 2) != 0, (modes & 1) != 0, r);
            foreach (var operation in Enum.GetValues<IntImmediateOperation>())
                for (int mode = 0; mode < 2; mode++)
                    _immediate[(int)operation, mode, r] = BuildImmediate(operation, mode == 1, r);
            foreach (var c in Enum.GetValues<Comparison>())
            {
                for (int modes = 1; modes < 4; modes++) // both from the frame: Compare.IntBranch
                    _branch[(int)c, modes, r] = BuildBranch(c, (modes & 2) != 0, (modes & 1) != 0, r);
                _branchImmediate[(int)c, r] = BuildBranchImmediate(c, r);
            }
        }
        for (int r = 0; r < Registers; r++)
        {
            int y = (r + 2) % Registers;
            for (int mode = 0; mode < 2; mode++)
                foreach (var operation in Enum.GetValues<IntOperation>())
                    _binaryOther[(int)operation, mode, r] = BuildBinary(operation, mode == 1, true, r, y);
            foreach (var c in Enum.GetValues<Comparison>())
                _branchOther[(int)c, r] = BuildBranch(c, true, true, r, y);
            _load[r, 0] = BuildLoad(r);
            for (int from = 0; from < Registers; from++)
                if (from != r) _move[r, from] = BuildMove(r, from);
        }
        for (int from = 0; from <= Registers; from++)
            for (int to = 0; to < XmmStencils.Registers; to++)
                _toXmm[from, to] = BuildToXmm(from == Registers ? null : from, to);
        for (int from = 0; from <= Registers; from++)
            _nonZero[from] = BuildNonZero(from == Registers ? null : from);
    }

    /// <summary>The cache register (0..2: rbx, r14, r15) of frame slot <paramref name="slot"/>.</summary>
    public static int RegisterOf(int slot) => slot % Registers;

    /// <summary>Cache register <paramref name="register"/> itself, for other families' register variants.</summary>
    internal static AssemblerRegister64 CacheRegister(int register) => Cache[register];

    /// <summary>The register's name in listings and stencil names.</summary>
    public static string Name(int register) => Names[register];

    private static readonly string[] Names = ["rbx", "r14", "r15"];

    /// <summary>(dst): write cache register <paramref name="register"/> to a slot as an int (payload and
    /// tag; its `.PayloadOnly` twin for a slot that already holds the int tag).</summary>
    public Stencil Spill(int register) => _spill[register];

    /// <summary>(): the return value, an int in cache register <paramref name="register"/>, into the VM
    /// return registers (as Invoke.StoreReturn from a slot).</summary>
    public Stencil StoreReturn(int register) => _storeReturn[register];

    /// <summary>a op b into register <paramref name="register"/> (a's; b's is the next one): operands
    /// (a) unless <paramref name="aInRegister"/>, (b) unless <paramref name="bInRegister"/>, then (slow)
    /// for Add, Subtract and Multiply, taken on overflow with a's register as it was.</summary>
    public Stencil Binary(IntOperation operation, bool aInRegister, bool bInRegister, int register) =>
        _binary[(int)operation, Modes(aInRegister, bInRegister), register];

    /// <summary>a op immediate into register <paramref name="register"/>: operands (a) unless
    /// <paramref name="aInRegister"/>, then (constant:Int32) or, for ShiftRight, (shift:Int8), then
    /// (slow) for Add, Subtract and Multiply.</summary>
    public Stencil Immediate(IntImmediateOperation operation, bool aInRegister, int register) =>
        _immediate[(int)operation, aInRegister ? 1 : 0, register];

    /// <summary>Jump to (target) when a ? b holds (signed), at least one operand in its register:
    /// operands (a), (b) for those in the frame, then (target).</summary>
    public Stencil Branch(Comparison c, bool aInRegister, bool bInRegister, int register) =>
        aInRegister || bInRegister
            ? _branch[(int)c, Modes(aInRegister, bInRegister), register]
            : throw new ArgumentException("both operands in the frame: Compare.IntBranch");

    /// <summary>(constant:Int32, target): jump when a (in register <paramref name="register"/>) ? constant
    /// holds.</summary>
    public Stencil BranchImmediate(Comparison c, int register) => _branchImmediate[(int)c, register];

    /// <summary>The int in cache register <paramref name="from"/> (null: operand (a), a slot) converted to
    /// a float in xmm cache register <paramref name="to"/>.</summary>
    public Stencil ToXmm(int? from, int to) => _toXmm[from ?? Registers, to];

    /// <summary>Jumps to (slow) when the int in cache register <paramref name="from"/> (null: operand (a), a
    /// slot) is zero: a float division's int divisor tested before its conversion (two instructions where
    /// the converted float's test takes four).</summary>
    public Stencil NonZero(int? from) => _nonZero[from ?? Registers];

    /// <summary><see cref="Binary(IntOperation, bool, bool, int)"/> with b cached in any register
    /// <paramref name="bRegister"/> other than <paramref name="register"/> (a cached local's).</summary>
    public Stencil Binary(IntOperation operation, bool aInRegister, int register, int bRegister) =>
        bRegister == (register + 1) % Registers ? Binary(operation, aInRegister, true, register)
            : bRegister == (register + 2) % Registers ? _binaryOther[(int)operation, aInRegister ? 1 : 0, register]
            : throw new ArgumentException("b in the result's register");

    /// <summary><see cref="Branch(Comparison, bool, bool, int)"/> with b in register <paramref name="bRegister"/>
    /// (a in <paramref name="register"/> when <paramref name="aInRegister"/>, else from operand (a) via rax:
    /// then b must be in the next register, as a caller with a free choice of register arranges).</summary>
    public Stencil Branch(Comparison c, bool aInRegister, int register, int bRegister) =>
        bRegister == (register + 1) % Registers ? Branch(c, aInRegister, true, register)
            : aInRegister && bRegister == (register + 2) % Registers ? _branchOther[(int)c, register]
            : throw new ArgumentException("no variant for these registers");

    /// <summary>(): cache register <paramref name="to"/> = cache register <paramref name="from"/>.</summary>
    public Stencil Move(int to, int from) => _move[to, from];

    /// <summary>(a): an int slot's payload into cache register <paramref name="register"/> (a cached
    /// local loaded at a block's entry).</summary>
    public Stencil Load(int register) => _load[register, 0];

    private static int Modes(bool a, bool b) => (a ? 2 : 0) | (b ? 1 : 0);

    private static string Suffix(bool a, bool b, int r) => $"{(a ? 'r' : 'm')}{(b ? 'r' : 'm')}.{Name(r)}";

    private Stencil BuildBinary(IntOperation operation, bool aInRegister, bool bInRegister, int r, int? other = null) =>
        Build($"Gpr.{operation}.{Suffix(aInRegister, bInRegister, r)}{OtherSuffix(other)}", StencilKind.IntArithmetic, b =>
        {
            var x = Cache[r];
            var y = Cache[other ?? (r + 1) % Registers];
            int a = aInRegister ? 0 : b.ValueSlot("a");
            int bSlot = bInRegister ? 0 : b.ValueSlot("b");
            bool checks = operation is IntOperation.Add or IntOperation.Subtract or IntOperation.Multiply;
            ulong slow = checks ? b.CodeTarget("slow") : 0;
            var memory = new MemoryOperand(Register.R12, bSlot + Layout.ValuePayload);
            void Apply(AssemblerRegister64 into, IntOperation op) => b.Asm.AddInstruction(bInRegister
                ? Instruction.Create(Codes[(int)op], into, y)
                : Instruction.Create(Codes[(int)op], into, memory));
            if (!aInRegister)
            {
                // a's frame slot still holds it: the register may be overwritten before the check.
                b.Asm.mov(x, __qword_ptr[r12 + a + Layout.ValuePayload]);
                Apply(x, operation);
                if (checks) b.Asm.jo(slow);
            }
            else if (!checks) Apply(x, operation);
            else
            {
                // Wrapping add and subtract undo each other: on overflow, restore a and leave. A multiply
                // cannot be undone: a is set aside in rax (a move the renamer eliminates) and restored.
                var done = b.Asm.CreateLabel();
                bool multiply = operation == IntOperation.Multiply;
                if (multiply) b.Asm.mov(rax, x);
                Apply(x, operation);
                b.Asm.jno(done);
                if (multiply) b.Asm.mov(x, rax);
                else Apply(x, operation == IntOperation.Add ? IntOperation.Subtract : IntOperation.Add);
                b.Asm.jmp(slow);
                b.Asm.Label(ref done);
                b.Asm.zero_bytes(); // the label ends the stencil: the next one starts there
            }
        });

    // One instruction form per operation: `op r64, r/m64` takes a register or a slot.
    private static readonly Code[] Codes =
    [
        Code.Add_r64_rm64, Code.Sub_r64_rm64, Code.Imul_r64_rm64,
        Code.And_r64_rm64, Code.Or_r64_rm64, Code.Xor_r64_rm64,
    ];

    private Stencil BuildImmediate(IntImmediateOperation operation, bool aInRegister, int r) =>
        Build($"Gpr.{operation}Immediate.{(aInRegister ? 'r' : 'm')}.{Name(r)}", StencilKind.IntArithmetic, b =>
        {
            var x = Cache[r];
            int a = aInRegister ? 0 : b.ValueSlot("a");
            if (operation == IntImmediateOperation.Multiply)
            {
                int factor = b.Int32("constant");
                ulong overflow = b.CodeTarget("slow");
                if (aInRegister) b.Asm.imul(rax, x, factor);
                else b.Asm.imul(x, __qword_ptr[r12 + a + Layout.ValuePayload], factor);
                b.Asm.jo(overflow);
                if (aInRegister) b.Asm.mov(x, rax);
                return;
            }
            if (!aInRegister) b.Asm.mov(x, __qword_ptr[r12 + a + Layout.ValuePayload]);
            if (operation == IntImmediateOperation.ShiftRight)
            {
                b.Asm.sar(x, b.Int8("shift"));
                return;
            }
            int constant = b.Int32("constant");
            if (operation == IntImmediateOperation.And)
            {
                b.Asm.and(x, constant);
                return;
            }
            ulong slow = b.CodeTarget("slow");
            bool add = operation == IntImmediateOperation.Add;
            if (add) b.Asm.add(x, constant);
            else b.Asm.sub(x, constant);
            if (!aInRegister)
            {
                b.Asm.jo(slow);
                return;
            }
            var done = b.Asm.CreateLabel();
            b.Asm.jno(done);
            if (add) b.Asm.sub(x, constant);
            else b.Asm.add(x, constant);
            b.Asm.jmp(slow);
            b.Asm.Label(ref done);
            b.Asm.zero_bytes();
        });

    private Stencil BuildBranch(Comparison c, bool aInRegister, bool bInRegister, int r, int? other = null) =>
        Build($"Gpr.Branch.{c}.{Suffix(aInRegister, bInRegister, r)}{OtherSuffix(other)}", StencilKind.CompareBranch, b =>
        {
            int a = aInRegister ? 0 : b.ValueSlot("a");
            int bSlot = bInRegister ? 0 : b.ValueSlot("b");
            ulong target = b.CodeTarget("target");
            var x = Cache[r];
            var y = Cache[other ?? (r + 1) % Registers];
            if (!aInRegister)
            {
                b.Asm.mov(rax, __qword_ptr[r12 + a + Layout.ValuePayload]);
                b.Asm.cmp(rax, y);
            }
            else if (bInRegister) b.Asm.cmp(x, y);
            else b.Asm.cmp(x, __qword_ptr[r12 + bSlot + Layout.ValuePayload]);
            JumpIfSigned(b, c, target);
        });

    private static string OtherSuffix(int? other) => other is { } y ? $".{Name(y)}" : "";

    private Stencil BuildMove(int to, int from) =>
        Build($"Gpr.Move.{Name(to)}.{Name(from)}", StencilKind.IntArithmetic, b => b.Asm.mov(Cache[to], Cache[from]));

    private Stencil BuildLoad(int r) =>
        Build($"Gpr.Load.{Name(r)}", StencilKind.FrameMove, b =>
            b.Asm.mov(Cache[r], __qword_ptr[r12 + b.ValueSlot("a") + Layout.ValuePayload]));

    private Stencil BuildBranchImmediate(Comparison c, int r) =>
        Build($"Gpr.BranchImmediate.{c}.{Name(r)}", StencilKind.CompareBranch, b =>
        {
            int constant = b.Int32("constant");
            ulong target = b.CodeTarget("target");
            b.Asm.cmp(Cache[r], constant);
            JumpIfSigned(b, c, target);
        });

    private Stencil BuildNonZero(int? from) =>
        Build($"Gpr.NonZero.{(from is { } r ? Name(r) : "m")}", StencilKind.Guard, b =>
        {
            int a = from is null ? b.ValueSlot("a") : 0;
            ulong slow = b.CodeTarget("slow");
            if (from is { } r) b.Asm.test(Cache[r], Cache[r]);
            else b.Asm.cmp(__qword_ptr[r12 + a + Layout.ValuePayload], 0);
            b.Asm.je(slow);
        });

    private Stencil BuildToXmm(int? from, int to) =>
        Build($"Gpr.ToXmm.{(from is { } r ? Name(r) : "m")}.{XmmStencils.Name(to)}", StencilKind.FloatArithmetic, b =>
        {
            var x = XmmStencils.Register(to);
            if (from is { } r) b.Asm.cvtsi2sd(x, Cache[r]);
            else b.Asm.cvtsi2sd(x, __qword_ptr[r12 + b.ValueSlot("a") + Layout.ValuePayload]);
        });
}
