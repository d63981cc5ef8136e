namespace Lbbv.Bytecode.Tests;

/// <summary>The one opcode table: a row per op, and stack counts that follow the stack pictures.</summary>
public sealed class OpTableTests
{
    [Fact]
    public void Every_opcode_has_its_row_at_its_index()
    {
        var ops = Enum.GetValues<Opcode>();
        Assert.Equal(ops.Length, OpTable.All.Count);
        foreach (var op in ops) Assert.Equal(op, OpTable.Of(op).Op);
    }

    [Theory]
    [InlineData(Opcode.CallMethod, 3, false, -4)] // [func, self, a1..a3] -> [result]
    [InlineData(Opcode.BuildMap, 2, false, -3)] // [k1, v1, k2, v2] -> [dict]
    [InlineData(Opcode.MakeFunction, 1 | 8, false, -2)] // [defaults, closure, code] -> [function]
    [InlineData(Opcode.UnpackEx, 2 | 3 << 8, false, 5)] // [seq] -> [3 after, list, 2 before]
    [InlineData(Opcode.FormatValue, 4, false, -1)] // [v, spec] -> [str]
    [InlineData(Opcode.ForIter, 0, false, 1)] // [it] -> [it, next]
    [InlineData(Opcode.ForIter, 0, true, -1)] // exhausted: [it] -> [] and jump
    [InlineData(Opcode.JumpIfTrueOrPop, 0, true, 0)] // jumps with the value kept
    [InlineData(Opcode.JumpIfTrueOrPop, 0, false, -1)]
    [InlineData(Opcode.Reraise, 1, false, -2)] // [lasti, exc] -> re-raised
    public void Net_stack_effects_follow_the_stack_pictures(Opcode op, int arg, bool jump, int effect) =>
        Assert.Equal(effect, StackEffects.Of(op, arg, jump));

    [Fact]
    public void Only_ops_that_continue_at_the_next_instruction_are_steppable()
    {
        foreach (var spec in OpTable.All.Where(s => s.Has(OpTraits.Steppable)))
        {
            Assert.False(spec.Has(OpTraits.Jump), $"{spec.Op} jumps");
            Assert.False(spec.Has(OpTraits.Terminator), $"{spec.Op} never falls through");
        }
    }
}
