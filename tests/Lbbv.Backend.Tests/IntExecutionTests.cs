using Lbbv.Backend.Emission;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

public sealed class IntExecutionTests
{
    [Fact]
    public void Add_of_guarded_ints_stores_sum_and_exits_at_the_given_offset()
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, 2);
        f.Frame.SetInt(1, 40);
        var exit = f.Run((u, slow, failed) =>
        {
            u.Emit(f.S.Guards.Int, Slot(0), failed);
            u.Emit(f.S.Guards.Int, Slot(1), failed);
            u.Emit(f.S.Int.Add, Slot(0), Slot(1), Slot(2), slow);
        });
        Assert.Equal(new ExitRecord(JitFixture.Done, 100), exit);
        Assert.Equal(42, f.Frame.Int(2));
        Assert.Equal(1, f.Backend.Read(f.DoneCounter));
        Assert.Equal(0, f.Backend.Read(f.SlowCounter));
    }

    [Fact]
    public void Add_overflow_takes_the_slow_path_without_writing_the_destination()
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, long.MaxValue);
        f.Frame.SetInt(1, 1);
        var exit = f.Run((u, slow, _) => u.Emit(f.S.Int.Add, Slot(0), Slot(1), Slot(2), slow));
        Assert.Equal(new ExitRecord(JitFixture.Slow, 200), exit);
        Assert.Equal(TestLayout.Empty, f.Frame.Tag(2));
        Assert.Equal(1, f.Backend.Read(f.SlowCounter));
    }

    [Fact]
    public void Guard_failure_branches_to_its_target()
    {
        using var f = new JitFixture();
        f.Frame.SetFloat(0, 1.5);
        var exit = f.Run((u, _, failed) => u.Emit(f.S.Guards.Int, Slot(0), failed));
        Assert.Equal(JitFixture.Failed, exit.Reason);
        Assert.Equal(1, f.Backend.Read(f.FailedCounter));
    }

    public static TheoryData<string, long, long> BinaryCases()
    {
        var data = new TheoryData<string, long, long>();
        foreach (var op in new[] { "Add", "Subtract", "Multiply", "And", "Or", "Xor", "FloorDivide", "Modulo" })
            foreach (var (a, b) in new (long, long)[] { (7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (long.MaxValue, 2), (long.MinValue, 1), (1 << 40, 1 << 30), (3, 0), (5, -1) })
                data.Add(op, a, b);
        return data;
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void Binary_int_operations_match_python_or_take_the_slow_path(string op, long a, long b)
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, a);
        f.Frame.SetInt(1, b);
        var stencil = op switch
        {
            "Add" => f.S.Int.Add, "Subtract" => f.S.Int.Subtract, "Multiply" => f.S.Int.Multiply,
            "And" => f.S.Int.And, "Or" => f.S.Int.Or, "Xor" => f.S.Int.Xor,
            "FloorDivide" => f.S.Int.FloorDivide, _ => f.S.Int.Modulo,
        };
        var exit = f.Run((u, slow, _) =>
        {
            if (stencil.Parameters.Length == 4) u.Emit(stencil, Slot(0), Slot(1), Slot(2), slow);
            else u.Emit(stencil, Slot(0), Slot(1), Slot(2));
        });
        long? expected = PythonResult(op, a, b);
        if (expected is null)
        {
            Assert.Equal(JitFixture.Slow, exit.Reason);
            Assert.Equal(TestLayout.Empty, f.Frame.Tag(2));
        }
        else
        {
            Assert.Equal(JitFixture.Done, exit.Reason);
            Assert.Equal(expected.Value, f.Frame.Int(2));
        }
    }

    // null: the fast path must give up (overflow, zero divisor, or the -1 divisor the stencil leaves to the slow path).
    private static long? PythonResult(string op, long a, long b)
    {
        try
        {
            return op switch
            {
                "Add" => checked(a + b), "Subtract" => checked(a - b), "Multiply" => checked(a * b),
                "And" => a & b, "Or" => a | b, "Xor" => a ^ b,
                "FloorDivide" => b is 0 or -1 ? null : FloorDiv(a, b),
                _ => b is 0 or -1 ? null : a - FloorDiv(a, b) * b,
            };
        }
        catch (OverflowException) { return null; }
    }

    private static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return a % b != 0 && (a % b < 0) != (b < 0) ? q - 1 : q;
    }

    public static TheoryData<long, int> PowerOfTwoCases()
    {
        var data = new TheoryData<long, int>();
        foreach (long a in new[] { 0L, 1, 7, -7, -8, 1000000, -1000001, long.MaxValue, long.MinValue })
            foreach (int shift in new[] { 0, 1, 3, 30, 31 })
                data.Add(a, shift);
        return data;
    }

    [Theory]
    [MemberData(nameof(PowerOfTwoCases))]
    public void Division_by_a_constant_power_of_two_floors_as_python_does(long a, int shift)
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, a);
        long divisor = 1L << shift;
        var exit = f.Run((u, _, _) =>
        {
            u.Emit(f.S.Int.FloorDivideByPowerOfTwo, Slot(0), Imm(shift), Slot(1));
            u.Emit(f.S.Int.ModuloByPowerOfTwo, Slot(0), Imm(divisor - 1), Slot(2));
        });
        Assert.Equal(JitFixture.Done, exit.Reason);
        Assert.Equal(FloorDiv(a, divisor), f.Frame.Int(1));
        Assert.Equal(a - FloorDiv(a, divisor) * divisor, f.Frame.Int(2));
        Assert.Equal(TestLayout.Int, f.Frame.Tag(2));
    }

    [Theory]
    [InlineData(5, 3, false)]
    [InlineData(long.MaxValue - 2, 3, true)]
    [InlineData(-4, -9, false)]
    public void Add_constant_uses_the_patched_immediate(long a, int constant, bool overflows)
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, a);
        var exit = f.Run((u, slow, _) => u.Emit(f.S.Int.AddConstant, Slot(0), Imm(constant), Slot(1), slow));
        Assert.Equal(overflows ? JitFixture.Slow : JitFixture.Done, exit.Reason);
        if (!overflows) Assert.Equal(a + constant, f.Frame.Int(1));
    }

    [Fact]
    public void Subtract_constant_and_negate()
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, 10);
        f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Int.SubtractConstant, Slot(0), Imm(25), Slot(1), slow);
            u.Emit(f.S.Int.Negate, Slot(1), Slot(2), slow);
        });
        Assert.Equal(-15, f.Frame.Int(1));
        Assert.Equal(15, f.Frame.Int(2));

        f.Frame.SetInt(0, long.MinValue);
        var exit = f.Run((u, slow, _) => u.Emit(f.S.Int.Negate, Slot(0), Slot(3), slow));
        Assert.Equal(JitFixture.Slow, exit.Reason);
    }
}
