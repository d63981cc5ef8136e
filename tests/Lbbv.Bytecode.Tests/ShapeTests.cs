using System.Numerics;

namespace Lbbv.Bytecode.Tests;

/// <summary>Specific code shapes the interpreter relies on.</summary>
public sealed class ShapeTests
{
    private static (Opcode Op, int Arg)[] Ops(CodeObject c) =>
        c.Code.Select(i => (OpcodeInfo.OpOf(i), OpcodeInfo.ArgOf(i))).ToArray();

    private static Opcode[] OpNames(CodeObject c) => Ops(c).Select(o => o.Op).ToArray();

    [Fact]
    public void ConstantsKeepPythonTypesDistinct()
    {
        var code = TestCompiler.Compile("x = (1, 1.0, True, 0.0, -0.0, 1, 0, False, -1, 'a', 'a')\n");
        var consts = code.Constants;
        Assert.Single(consts, c => c is BigInteger i && i == 1);
        Assert.Single(consts, c => c is double d && d == 1.0);
        Assert.Single(consts, c => c is true);
        Assert.Single(consts, c => c is false);
        Assert.Single(consts, c => c is double d && d == 0 && !double.IsNegative(d));
        Assert.Single(consts, c => c is double d && d == 0 && double.IsNegative(d));
        Assert.Single(consts, c => c is BigInteger i && i == -1); // -1 is folded
        Assert.Single(consts, c => c is string s && s == "a");
    }

    [Fact]
    public void MethodCallsUseLoadMethodOnlyWithoutKeywordsOrStars()
    {
        var code = TestCompiler.Compile("o.m(1, 2)\no.m(1, k=2)\no.m(*a)\nf(1, k=2)\n");
        var ops = OpNames(code);
        Assert.Equal(1, ops.Count(o => o == Opcode.LoadMethod));
        Assert.Contains(Ops(code), o => o == (Opcode.CallMethod, 2));
        Assert.Equal(2, ops.Count(o => o == Opcode.CallKw));
        Assert.Contains(Ops(code), o => o == (Opcode.CallEx, 0));
        var kwnames = code.Constants.OfType<object?[]>().ToArray();
        Assert.All(kwnames, t => Assert.Equal(new object?[] { "k" }, t));
    }

    [Fact]
    public void ComprehensionIsCalledWithTheIteratorOfItsFirstIterable()
    {
        var code = TestCompiler.Compile("y = [x for x in range(3)]\n");
        var ops = OpNames(code);
        int mf = Array.IndexOf(ops, Opcode.MakeFunction);
        Assert.Equal([Opcode.MakeFunction, Opcode.LoadGlobal, Opcode.LoadConst, Opcode.Call, Opcode.GetIter, Opcode.Call],
            ops[mf..(mf + 6)]);
        var comp = TestCompiler.Find(code, "<listcomp>");
        Assert.Equal(CodeFlags.Comprehension, comp.Flags);
        Assert.Equal(1, comp.ArgCount);
        Assert.Equal(".0", comp.VarNames[0]);
    }

    [Fact]
    public void ZeroArgumentSuperLoadsClassCellAndFirstArgument()
    {
        var code = TestCompiler.Compile("class A:\n    def m(self, x):\n        return super().m(x)\n");
        var m = TestCompiler.Find(code, "m");
        Assert.Equal(["__class__"], m.FreeVars);
        var ops = Ops(m);
        Assert.Equal((Opcode.LoadGlobal, Array.IndexOf(m.Names, "super")), ops[0]);
        Assert.Equal((Opcode.LoadDeref, m.FreeSlot(0)), ops[1]);
        Assert.Equal((Opcode.LoadFast, 0), ops[2]);
        Assert.Equal((Opcode.Call, 2), ops[3]);
        var body = TestCompiler.Find(code, "A");
        Assert.Equal(["__class__"], body.CellVars);
        Assert.Equal((Opcode.MakeCell, body.CellSlot(0)), Ops(body)[0]);
        Assert.Equal([(Opcode.LoadClosure, body.CellSlot(0)), (Opcode.ReturnValue, 0)], Ops(body)[^2..]);
    }

    [Fact]
    public void ClassBodyWithoutCellReturnsNone()
    {
        var body = TestCompiler.Find(TestCompiler.Compile("class A:\n    x = 1\n"), "A");
        Assert.Empty(body.CellVars);
        Assert.Equal(Opcode.ReturnValue, Ops(body)[^1].Op);
        Assert.Null(body.Constants[Ops(body)[^2].Arg]);
    }

    [Fact]
    public void CapturedParameterIsACellWithItsParamIndex()
    {
        var f = TestCompiler.Find(TestCompiler.Compile("def f(a, b):\n    return lambda: b\n"), "f");
        Assert.Equal(["b"], f.CellVars);
        Assert.Equal([1], f.CellParamIndex);
        Assert.Equal(["a", "b"], f.VarNames);
        Assert.Equal([(Opcode.MakeCell, 2), (Opcode.LoadFast, 1), (Opcode.StoreDeref, 2)], Ops(f)[..3]);
    }

    [Fact]
    public void DecoratedFunctionStartsAtFirstDecoratorLine()
    {
        var code = TestCompiler.Compile("def d(f): return f\n\n@d\ndef g():\n    pass\n");
        Assert.Equal(3, TestCompiler.Find(code, "g").FirstLine);
    }

    [Fact]
    public void ModuleNamesAreGlobalsAndClassNamesGoThroughTheNamespace()
    {
        var code = TestCompiler.Compile("x = 1\ndel x\nclass C:\n    y = x\n    def f(self): return y\n");
        Assert.DoesNotContain(OpNames(code), o => o is Opcode.LoadName or Opcode.StoreName or Opcode.LoadFast);
        var c = TestCompiler.Find(code, "C");
        Assert.Contains(Ops(c), o => o.Op == Opcode.LoadName && c.Names[o.Arg] == "x");
        Assert.Contains(Ops(c), o => o.Op == Opcode.StoreName && c.Names[o.Arg] == "y");
        var f = TestCompiler.Find(code, "f");
        Assert.Contains(Ops(f), o => o.Op == Opcode.LoadGlobal && f.Names[o.Arg] == "y");
    }

    [Fact]
    public void GeneratorFlagsAndYieldFromShape()
    {
        var g = TestCompiler.Find(TestCompiler.Compile("def g(x):\n    r = yield from x\n"), "g");
        Assert.True(g.IsGenerator);
        var ops = OpNames(g);
        int i = Array.IndexOf(ops, Opcode.GetYieldFromIter);
        Assert.Equal([Opcode.GetYieldFromIter, Opcode.LoadConst, Opcode.Send, Opcode.YieldValue, Opcode.Jump], ops[i..(i + 5)]);
        Assert.Equal(i + 2, Ops(g)[i + 4].Arg); // back to Send
        // A block starts after every YieldValue (a resume point).
        Assert.Contains(g.Blocks, b => b.Start == i + 4);
    }

    [Fact]
    public void QualifiedNames()
    {
        var code = TestCompiler.Compile("def f():\n    def g():\n        return [x for x in y]\n    class K:\n        def m(self): pass\n    return lambda: 0\n");
        var names = CodeInvariants.All(code).Select(c => c.QualName).ToHashSet();
        Assert.Superset(new HashSet<string> { "f", "f.<locals>.g", "f.<locals>.g.<locals>.<listcomp>", "f.<locals>.K", "f.<locals>.K.m", "f.<locals>.<lambda>" }, names);
    }

    [Fact]
    public void PrivateNamesAreMangled()
    {
        var m = TestCompiler.Find(TestCompiler.Compile("class _C:\n    def m(self):\n        return self.__x, self.__y__\n"), "m");
        Assert.Contains("_C__x", m.Names);
        Assert.Contains("__y__", m.Names);
    }

    [Fact]
    public void LinesFollowTheSource()
    {
        var code = TestCompiler.Compile("a = 1\nb = (a +\n     undefined)\n");
        var ops = Ops(code);
        int load = Array.FindIndex(ops, o => o.Op == Opcode.LoadGlobal && code.Names[o.Arg] == "undefined");
        Assert.Equal(3, code.Lines[load]);
        Assert.Equal(1, code.Lines[0]);
    }
}
