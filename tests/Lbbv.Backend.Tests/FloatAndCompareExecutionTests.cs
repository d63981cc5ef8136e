using Lbbv.Backend.Stencils;
using static Lbbv.Backend.Emission.Operand;

namespace Lbbv.Backend.Tests;

public sealed class FloatAndCompareExecutionTests
{
    [Theory]
    [InlineData(1.5, 2.25)]
    [InlineData(-0.0, 3.0)]
    [InlineData(1e308, 1e308)]
    [InlineData(double.NaN, 1.0)]
    public void Float_arithmetic_matches_ieee(double a, double b)
    {
        using var f = new JitFixture();
        f.Frame.SetFloat(0, a);
        f.Frame.SetFloat(1, b);
        f.Run((u, slow, _) =>
        {
            u.Emit(f.S.Float.Add, Slot(0), Slot(1), Slot(2));
            u.Emit(f.S.Float.Subtract, Slot(0), Slot(1), Slot(3));
            u.Emit(f.S.Float.Multiply, Slot(0), Slot(1), Slot(4));
            u.Emit(f.S.Float.Divide, Slot(0), Slot(1), Slot(5), slow);
            u.Emit(f.S.Float.Negate, Slot(0), Slot(6));
        });
        Assert.Equal(a + b, f.Frame.Float(2));
        Assert.Equal(a - b, f.Frame.Float(3));
        Assert.Equal(a * b, f.Frame.Float(4));
        Assert.Equal(a / b, f.Frame.Float(5));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-a), f.Frame.Payload(6));
        Assert.Equal(TestLayout.Float, f.Frame.Tag(5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float_division_by_zero_takes_the_slow_path(bool negativeZero)
    {
        using var f = new JitFixture();
        f.Frame.SetFloat(0, 1.0);
        f.Frame.SetFloat(1, negativeZero ? -0.0 : 0.0);
        var exit = f.Run((u, slow, _) => u.Emit(f.S.Float.Divide, Slot(0), Slot(1), Slot(2), slow));
        Assert.Equal(JitFixture.Slow, exit.Reason);
    }

    [Fact]
    public void Int_to_float_conversion()
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, -123456789);
        f.Run((u, _, _) => u.Emit(f.S.Float.FromInt, Slot(0), Slot(1)));
        Assert.Equal(-123456789.0, f.Frame.Float(1));
    }

    public static TheoryData<Comparison, long, long> IntComparisons()
    {
        var data = new TheoryData<Comparison, long, long>();
        foreach (var c in Enum.GetValues<Comparison>())
            foreach (var (a, b) in new (long, long)[] { (1, 2), (2, 1), (3, 3), (-5, 4), (long.MinValue, long.MaxValue) })
                data.Add(c, a, b);
        return data;
    }

    [Theory]
    [MemberData(nameof(IntComparisons))]
    public void Int_comparisons_branch_and_store_bools(Comparison c, long a, long b)
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, a);
        f.Frame.SetInt(1, b);
        bool expected = Holds(c, a.CompareTo(b));
        var exit = f.Run((u, taken, _) =>
        {
            u.Emit(f.S.Compare.IntValue(c), Slot(0), Slot(1), Slot(2));
            u.Emit(f.S.Compare.IntBranch(c), Slot(0), Slot(1), taken);
        });
        Assert.Equal(expected ? JitFixture.Slow : JitFixture.Done, exit.Reason);
        Assert.Equal(TestLayout.Bool, f.Frame.Tag(2));
        Assert.Equal(expected ? 1 : 0, f.Frame.Payload(2));

        if (b is >= int.MinValue and <= int.MaxValue)
        {
            exit = f.Run((u, taken, _) => u.Emit(f.S.Compare.IntConstantBranch(c), Slot(0), Imm(b), taken));
            Assert.Equal(expected ? JitFixture.Slow : JitFixture.Done, exit.Reason);
        }
    }

    public static TheoryData<Comparison, double, double> FloatComparisons()
    {
        var data = new TheoryData<Comparison, double, double>();
        foreach (var c in Enum.GetValues<Comparison>())
            foreach (var (a, b) in new (double, double)[] { (1, 2), (2, 1), (3, 3), (-0.0, 0.0), (double.NaN, 1), (1, double.NaN), (double.NaN, double.NaN) })
                data.Add(c, a, b);
        return data;
    }

    [Theory]
    [MemberData(nameof(FloatComparisons))]
    public void Float_comparisons_follow_ieee_including_nan(Comparison c, double a, double b)
    {
        using var f = new JitFixture();
        f.Frame.SetFloat(0, a);
        f.Frame.SetFloat(1, b);
        bool expected = c switch
        {
            Comparison.Less => a < b, Comparison.LessOrEqual => a <= b, Comparison.Equal => a == b,
            Comparison.NotEqual => a != b, Comparison.Greater => a > b, _ => a >= b,
        };
        var exit = f.Run((u, taken, _) =>
        {
            u.Emit(f.S.Compare.FloatValue(c), Slot(0), Slot(1), Slot(2));
            u.Emit(f.S.Compare.FloatBranch(c), Slot(0), Slot(1), taken);
        });
        Assert.Equal(expected ? JitFixture.Slow : JitFixture.Done, exit.Reason);
        Assert.Equal(expected ? 1 : 0, f.Frame.Payload(2));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(-7, true)]
    public void Truthiness_branches(long payload, bool truthy)
    {
        using var f = new JitFixture();
        f.Frame.SetInt(0, payload);
        var exit = f.Run((u, taken, _) => u.Emit(f.S.Compare.BranchIfNonZero, Slot(0), taken));
        Assert.Equal(truthy ? JitFixture.Slow : JitFixture.Done, exit.Reason);
        exit = f.Run((u, taken, _) => u.Emit(f.S.Compare.BranchIfZero, Slot(0), taken));
        Assert.Equal(truthy ? JitFixture.Done : JitFixture.Slow, exit.Reason);
    }

    [Theory]
    [InlineData(0, false, true)]
    [InlineData(1, false, false)]
    [InlineData(long.MinValue, false, false)]
    [InlineData(0, true, false)] // a big int: an object whatever its pointer, never zero
    public void Not_of_an_int_that_may_be_big(long payload, bool big, bool expected)
    {
        using var f = new JitFixture();
        if (big) f.Frame.SetObject(0, (nint)payload);
        else f.Frame.SetInt(0, payload);
        f.Run((u, _, _) => u.Emit(f.S.Compare.IntegerNot, Slot(0), Slot(1)));
        Assert.Equal(TestLayout.Bool, f.Frame.Tag(1));
        Assert.Equal(expected ? 1 : 0, f.Frame.Payload(1));
    }

    private static bool Holds(Comparison c, int order) => c switch
    {
        Comparison.Less => order < 0, Comparison.LessOrEqual => order <= 0, Comparison.Equal => order == 0,
        Comparison.NotEqual => order != 0, Comparison.Greater => order > 0, _ => order >= 0,
    };
}
