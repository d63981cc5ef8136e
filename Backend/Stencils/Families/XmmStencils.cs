using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>The four float operations that have register-cache variants.</summary>
public enum FloatOperation { Add, Subtract, Multiply, Divide }

/// <summary>
/// The register cache's stencils: unboxed doubles kept in xmm8–xmm11 between stencils (the lowering's
/// register cache, docs/JIT-CORE.md). A stack entry in slot s is cached in register
/// <see cref="RegisterOf"/>(s) = xmm(8 + s % 4), so a binary op's two operands (adjacent slots) are in
/// two different registers and its result stays in its first operand's register. Every variant is
/// generated from one builder per operation: each operand either comes from its frame slot (`m`) or
/// is already in its cache register (`r`), and the result is left in the first operand's register.
/// No other stencil touches xmm8–xmm11; code that may (helpers, C functions, machine code calls)
/// runs only after the lowering spilled the cache.
/// </summary>
public sealed class XmmStencils : StencilFamily
{
    /// <summary>Cache registers of stack entries (xmm8 + index).</summary>
    public const int Registers = 4;

    /// <summary>Cache registers of float locals a loop keeps (xmm12 + local % 4: indexes
    /// <see cref="Registers"/> to 7), which no stack entry uses, so an expression's intermediates never
    /// write a cached local back.</summary>
    public const int LocalRegisters = 4;

    private const int AllRegisters = Registers + LocalRegisters;

    private static readonly AssemblerRegisterXMM[] Cache = [xmm8, xmm9, xmm10, xmm11, xmm12, xmm13, xmm14, xmm15];

    private readonly Stencil[] _load = new Stencil[AllRegisters], _spill = new Stencil[AllRegisters];
    private readonly Stencil[,] _move = new Stencil[AllRegisters, AllRegisters]; // to, from (one a local's)
    private readonly Stencil[] _constant = new Stencil[Registers], _storeReturn = new Stencil[Registers];
    private readonly Stencil[] _constantCell = new Stencil[Registers];
    private readonly Stencil[,,] _binary = new Stencil[4, 4, Registers]; // operation, modes, register
    private readonly Stencil[,] _divideByNonZero = new Stencil[4, Registers]; // modes, register
    private readonly Stencil[,,] _branch = new Stencil[6, 4, Registers]; // comparison, modes, register

    internal XmmStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        for (int r = 0; r < AllRegisters; r++)
        {
            var x = Cache[r];
            _load[r] = Build($"Xmm.Load.{Name(r)}", StencilKind.FrameMove, b =>
            {
                int src = b.ValueSlot("src");
                b.Asm.movsd(x, __qword_ptr[r12 + src + l.ValuePayload]);
            });
            _spill[r] = BuildWithTag($"Xmm.Spill.{Name(r)}", StencilKind.FrameMove, (b, tag) =>
            {
                int dst = b.ValueSlot("dst");
                b.Asm.movsd(__qword_ptr[r12 + dst + l.ValuePayload], x);
                if (tag) b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], l.TagFloat);
            });
        }
        for (int to = 0; to < AllRegisters; to++)
            for (int from = 0; from < AllRegisters; from++)
                if (to < Registers != from < Registers)
                {
                    var (x, y) = (Cache[to], Cache[from]);
                    _move[to, from] = Build($"Xmm.Move.{Name(to)}.{Name(from)}", StencilKind.FrameMove,
                        b => b.Asm.movapd(x, y));
                }
        for (int r = 0; r < Registers; r++)
        {
            var x = Cache[r];
            _storeReturn[r] = Build($"Xmm.StoreReturn.{Name(r)}", StencilKind.Invoke, b =>
            {
                b.Asm.movq(InvokeStencils.ReturnPayload, x);
                b.Asm.mov(InvokeStencils.ReturnTag32, (int)l.TagFloat);
            });
            _constant[r] = Build($"Xmm.Constant.{Name(r)}", StencilKind.FrameMove, b =>
            {
                b.Asm.mov(rax, b.Int64("bits"));
                b.Asm.movq(x, rax);
            });
            _constantCell[r] = Build($"Xmm.ConstantCell.{Name(r)}", StencilKind.FrameMove, b =>
                b.Asm.AddInstruction(Instruction.Create(Code.Movsd_xmm_xmmm64,
                    (Iced.Intel.Register)(Iced.Intel.Register.XMM8 + r), b.DataCell("cell"))));
        }
        foreach (var operation in Enum.GetValues<FloatOperation>())
            for (int modes = 0; modes < 4; modes++)
                for (int r = 0; r < Registers; r++)
                    _binary[(int)operation, modes, r] = BuildBinary(operation, (modes & 2) != 0, (modes & 1) != 0, r);
        for (int modes = 0; modes < 4; modes++)
            for (int r = 0; r < Registers; r++)
                _divideByNonZero[modes, r] = BuildBinary(FloatOperation.Divide, (modes & 2) != 0, (modes & 1) != 0, r,
                    divisorKnownNonZero: true);
        foreach (var c in Enum.GetValues<Comparison>())
            for (int modes = 0; modes < 4; modes++)
                for (int r = 0; r < Registers; r++)
                    _branch[(int)c, modes, r] = BuildBranch(c, (modes & 2) != 0, (modes & 1) != 0, r);
    }

    /// <summary>The cache register (0..3: xmm8..xmm11) of frame slot <paramref name="slot"/>.</summary>
    public static int RegisterOf(int slot) => slot % Registers;

    /// <summary>The cache register (4..7: xmm12..xmm15) of a float local a loop keeps cached.</summary>
    public static int LocalRegisterOf(int local) => Registers + local % LocalRegisters;

    /// <summary>(): copies register <paramref name="from"/> into <paramref name="to"/>, one of them a
    /// float local's (<see cref="LocalRegisterOf"/>) and the other a stack entry's.</summary>
    public Stencil Move(int to, int from) =>
        _move[to, from] ?? throw new ArgumentException($"no move {Name(to)} <- {Name(from)}");

    /// <summary>Cache register <paramref name="register"/> (0..3) for a builder.</summary>
    internal static AssemblerRegisterXMM Register(int register) => Cache[register];

    /// <summary>The register's name in listings and stencil names.</summary>
    public static string Name(int register) => $"xmm{8 + register}";

    /// <summary>(src): load a float slot's payload into cache register <paramref name="register"/> (0..7).</summary>
    public Stencil Load(int register) => _load[register];

    /// <summary>(): the return value, a float in cache register <paramref name="register"/>, into the VM
    /// return registers (as Invoke.StoreReturn from a slot).</summary>
    public Stencil StoreReturn(int register) => _storeReturn[register];

    /// <summary>(bits:Int64): load a float constant (its IEEE bits) into cache register
    /// <paramref name="register"/>.</summary>
    public Stencil Constant(int register) => _constant[register];

    /// <summary>(cell:DataCell): load a float constant kept in a data cell into cache register
    /// <paramref name="register"/> (one rip-relative movsd, where <see cref="Constant"/> takes two).</summary>
    public Stencil ConstantCell(int register) => _constantCell[register];

    /// <summary>(dst): write cache register <paramref name="register"/> to a slot as a float (payload
    /// and tag; its `.PayloadOnly` twin for a slot that already holds the float tag).</summary>
    public Stencil Spill(int register) => _spill[register];

    /// <summary>a op b into register <paramref name="register"/> (a's; b's is the next one): operands
    /// (a) when <paramref name="aInRegister"/> is false, then (b) when <paramref name="bInRegister"/>
    /// is false, then (slow) for Divide, taken on a zero divisor before anything is written.</summary>
    public Stencil Binary(FloatOperation operation, bool aInRegister, bool bInRegister, int register) =>
        _binary[(int)operation, Modes(aInRegister, bInRegister), register];

    /// <summary>a / b as <see cref="Binary"/> for a divisor the lowering proved nonzero (a nonzero constant,
    /// an int tested before its conversion): no zero test and no (slow) operand.</summary>
    public Stencil DivideByNonZero(bool aInRegister, bool bInRegister, int register) =>
        _divideByNonZero[Modes(aInRegister, bInRegister), register];

    /// <summary>Jump to (target) when a ? b holds (IEEE: false for NaN except !=); operands (a), (b)
    /// for those not in their cache registers, as <see cref="Binary"/>.</summary>
    public Stencil Branch(Comparison c, bool aInRegister, bool bInRegister, int register) =>
        _branch[(int)c, Modes(aInRegister, bInRegister), register];

    private static int Modes(bool a, bool b) => (a ? 2 : 0) | (b ? 1 : 0);

    private static string Suffix(bool a, bool b, int r) => $"{(a ? 'r' : 'm')}{(b ? 'r' : 'm')}.{Name(r)}";

    private Stencil BuildBinary(FloatOperation operation, bool aInRegister, bool bInRegister, int r,
        bool divisorKnownNonZero = false) =>
        Build($"Xmm.{(divisorKnownNonZero ? "DivideByNonZero" : operation)}.{Suffix(aInRegister, bInRegister, r)}",
            StencilKind.FloatArithmetic, b =>
        {
            var x = Cache[r];
            var y = Cache[(r + 1) % Registers];
            int a = aInRegister ? 0 : b.ValueSlot("a");
            int bSlot = bInRegister ? 0 : b.ValueSlot("b");
            if (operation == FloatOperation.Divide && !divisorKnownNonZero)
            {
                // Python raises ZeroDivisionError on +0.0 and -0.0 (the slow path); a NaN divisor
                // gives NaN. Checked before the result register is written.
                ulong zeroDivisor = b.CodeTarget("slow");
                var nonZero = b.Asm.CreateLabel();
                b.Asm.xorpd(xmm0, xmm0);
                if (bInRegister) b.Asm.ucomisd(y, xmm0);
                else b.Asm.ucomisd(xmm0, __qword_ptr[r12 + bSlot + Layout.ValuePayload]);
                b.Asm.jp(nonZero);
                b.Asm.je(zeroDivisor);
                b.Asm.Label(ref nonZero);
            }
            if (!aInRegister) b.Asm.movsd(x, __qword_ptr[r12 + a + Layout.ValuePayload]);
            if (bInRegister) Apply(b.Asm, operation, x, y);
            else Apply(b.Asm, operation, x, __qword_ptr[r12 + bSlot + Layout.ValuePayload]);
        });

    private static void Apply(Assembler asm, FloatOperation operation, AssemblerRegisterXMM x, AssemblerRegisterXMM y)
    {
        switch (operation)
        {
            case FloatOperation.Add: asm.addsd(x, y); break;
            case FloatOperation.Subtract: asm.subsd(x, y); break;
            case FloatOperation.Multiply: asm.mulsd(x, y); break;
            default: asm.divsd(x, y); break;
        }
    }

    private static void Apply(Assembler asm, FloatOperation operation, AssemblerRegisterXMM x, AssemblerMemoryOperand y)
    {
        switch (operation)
        {
            case FloatOperation.Add: asm.addsd(x, y); break;
            case FloatOperation.Subtract: asm.subsd(x, y); break;
            case FloatOperation.Multiply: asm.mulsd(x, y); break;
            default: asm.divsd(x, y); break;
        }
    }

    // As CompareStencils.FloatBranch: "a < b" is tested as "b > a" so that one above/above-or-equal
    // test is false for NaN (ucomisd sets CF=ZF=PF=1 for unordered). Operands from memory go through
    // xmm0/xmm1 (scratch), so a cached register is never written here.
    private Stencil BuildBranch(Comparison c, bool aInRegister, bool bInRegister, int r) =>
        Build($"Xmm.Branch.{c}.{Suffix(aInRegister, bInRegister, r)}", StencilKind.CompareBranch, b =>
        {
            int a = aInRegister ? 0 : b.ValueSlot("a");
            int bSlot = bInRegister ? 0 : b.ValueSlot("b");
            ulong target = b.CodeTarget("target");
            var x = aInRegister ? Cache[r] : xmm0;
            var y = bInRegister ? Cache[(r + 1) % Registers] : xmm1;
            if (!aInRegister) b.Asm.movsd(x, __qword_ptr[r12 + a + Layout.ValuePayload]);
            if (!bInRegister) b.Asm.movsd(y, __qword_ptr[r12 + bSlot + Layout.ValuePayload]);
            bool swap = c is Comparison.Less or Comparison.LessOrEqual;
            b.Asm.ucomisd(swap ? y : x, swap ? x : y);
            JumpIfFloat(b, c, target);
        });
}
