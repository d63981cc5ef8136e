namespace Lbbv.Bytecode.Tests;

/// <summary>Pinned disassembly of small functions: the exact code shape the interpreter and the
/// JITs see (block table, depths, exception table).</summary>
public sealed class GoldenDisassemblyTests
{
    private static string DisOf(string source, string? function = null)
    {
        var code = TestCompiler.Compile(source);
        if (function != null) code = TestCompiler.Find(code, function);
        var w = new StringWriter();
        Disassembler.Disassemble(code, w);
        return w.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void AddFunctionAndModule()
    {
        const string expected = """
Disassembly of <code object <module>, file "t.py", line 1> (<module>):
  flags Module  args 0  kwonly 0  max stack 1  blocks 1
  -- block 0  [0, 5)  depth 0
      1      0  LoadConst              0 (<code object add, file "t.py", line 1>)
             1  MakeFunction           0
             2  StoreGlobal            0 (add)
             3  LoadConst              1 (None)
             4  ReturnValue

Disassembly of <code object add, file "t.py", line 1> (add):
  flags None  args 2  kwonly 0  max stack 2  blocks 1
  varnames  a, b
  -- block 0  [0, 4)  depth 0
      2      0  LoadFast               0 (a)
             1  LoadFast               1 (b)
             2  BinaryOp               0 (+)
             3  ReturnValue
""";
        Assert.Equal(expected + "\n", DisOf("def add(a, b):\n    return a + b\n"));
    }

    [Fact]
    public void LoopWithTryExceptAndBreak()
    {
        const string expected = """
Disassembly of <code object f, file "t.py", line 1> (f):
  flags None  args 1  kwonly 0  max stack 5  blocks 9
  varnames  xs, n, x
  -- block 0  [0, 4)  depth 0
      2      0  LoadConst              0 (0)
             1  StoreFast              1 (n)
      3      2  LoadFast               0 (xs)
             3  GetIter
  -- block 1  [4, 5)  depth 1
             4  ForIter               26 (to 26)
  -- block 2  [5, 13)  depth 2
             5  StoreFast              2 (x)
      5      6  LoadFast               1 (n)
             7  LoadConst              1 (1)
             8  LoadFast               2 (x)
             9  BinaryOp              12 (//)
            10  BinaryOp              16 (+=)
            11  StoreFast              1 (n)
            12  Jump                  25 (to 25)
  -- block 3  [13, 17)  depth 2  handler
      6     13  PushExcInfo
            14  LoadGlobal             0 (ZeroDivisionError)
            15  CheckExcMatch
            16  PopJumpIfFalse        21 (to 21)
  -- block 4  [17, 21)  depth 3
            17  PopTop
      7     18  PopExcept
            19  PopTop
            20  Jump                  26 (to 26)
  -- block 5  [21, 22)  depth 3
            21  Reraise                0
  -- block 6  [22, 25)  depth 4  handler
            22  Copy                   3
            23  PopExcept
            24  Reraise                1
  -- block 7  [25, 26)  depth 1
      3     25  Jump                   4 (to 4)
  -- block 8  [26, 28)  depth 0
      8     26  LoadFast               1 (n)
            27  ReturnValue
  ExceptionTable:
    6 to 11 -> 13 [1]
    13 to 17 -> 22 [2] lasti
    21 to 21 -> 22 [2] lasti
""";
        string src = "def f(xs):\n    n = 0\n    for x in xs:\n        try:\n            n += 1 // x\n        except ZeroDivisionError:\n            break\n    return n\n";
        Assert.Equal(expected + "\n", DisOf(src, "f"));
    }
}
