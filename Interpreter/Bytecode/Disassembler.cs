using System.Globalization;
using Lbbv.Syntax;

namespace Lbbv.Bytecode;

/// <summary>`lbbv dis`: every code object (recursively through its constants), grouped by basic
/// block with entry stack depths, then the exception table.</summary>
public static class Disassembler
{
    private static readonly string[] BinOpSymbols =
        ["+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"];
    private static readonly string[] CmpSymbols = ["==", "!=", "<", "<=", ">", ">="];

    public static void Disassemble(CodeObject code, TextWriter output)
    {
        var seen = new HashSet<CodeObject>(ReferenceEqualityComparer.Instance);
        DisassembleOne(code, output, seen, first: true);
    }

    private static void DisassembleOne(CodeObject code, TextWriter w, HashSet<CodeObject> seen, bool first)
    {
        if (!seen.Add(code)) return;
        if (!first) w.WriteLine();
        WriteHeader(code, w);
        int lastLine = -1;
        for (int b = 0; b < code.Blocks.Length; b++)
        {
            var blk = code.Blocks[b];
            w.WriteLine($"  -- block {b}  [{blk.Start}, {blk.End})  depth {blk.EntryDepth}{(blk.IsHandler ? "  handler" : "")}");
            for (int i = blk.Start; i < blk.End; i++)
            {
                int line = code.Lines[i];
                string lineCol = line != lastLine ? line.ToString(CultureInfo.InvariantCulture) : "";
                lastLine = line;
                int instr = code.Code[i];
                Opcode op = OpcodeInfo.OpOf(instr);
                int arg = OpcodeInfo.ArgOf(instr);
                string argText = HasArg(op) ? arg.ToString(CultureInfo.InvariantCulture) : "";
                string readable = Readable(code, op, arg);
                string text = $"  {lineCol,5} {i,6}  {op,-18} {argText,5}";
                w.WriteLine(readable.Length > 0 ? $"{text} ({readable})" : text.TrimEnd());
            }
        }
        if (code.ExceptionTable.Length > 0)
        {
            w.WriteLine("  ExceptionTable:");
            foreach (var e in code.ExceptionTable)
                w.WriteLine($"    {e.Start} to {e.End - 1} -> {e.Target} [{e.Depth}]{(e.PushLasti ? " lasti" : "")}");
        }
        foreach (var c in code.Constants)
            if (c is CodeObject inner) DisassembleOne(inner, w, seen, first: false);
    }

    private static void WriteHeader(CodeObject code, TextWriter w)
    {
        w.WriteLine($"Disassembly of {code} ({code.QualName}):");
        string posOnly = code.PosOnlyArgCount > 0 ? $" (posonly {code.PosOnlyArgCount})" : "";
        w.WriteLine($"  flags {code.Flags}  args {code.ArgCount}{posOnly}  kwonly {code.KwOnlyArgCount}"
            + $"  max stack {code.MaxStackDepth}  blocks {code.Blocks.Length}");
        if (code.VarNames.Length > 0) w.WriteLine($"  varnames  {string.Join(", ", code.VarNames)}");
        if (code.CellVars.Length > 0)
            w.WriteLine($"  cellvars  {string.Join(", ", code.CellVars.Select((c, i) => code.CellParamIndex[i] >= 0 ? $"{c} (param {code.CellParamIndex[i]})" : c))}");
        if (code.FreeVars.Length > 0) w.WriteLine($"  freevars  {string.Join(", ", code.FreeVars)}");
    }

    private static bool HasArg(Opcode op) => !OpTable.Of(op).Has(OpTraits.NoArg);

    private static string SlotName(CodeObject code, int slot)
    {
        if (slot < code.VarNames.Length) return code.VarNames[slot];
        int c = slot - code.VarNames.Length;
        if (c < code.CellVars.Length) return "cell " + code.CellVars[c];
        int f = c - code.CellVars.Length;
        return f < code.FreeVars.Length ? "free " + code.FreeVars[f] : "?";
    }

    private static string At<T>(T[] items, int i, Func<T, string> show) =>
        i >= 0 && i < items.Length ? show(items[i]) : "<out of range>";

    private static string Readable(CodeObject code, Opcode op, int arg)
    {
        switch (op)
        {
            case Opcode.LoadConst: return At(code.Constants, arg, PyRepr.Of);
            case Opcode.LoadFast or Opcode.StoreFast or Opcode.DeleteFast:
                return At(code.VarNames, arg, s => s);
            case Opcode.MakeCell or Opcode.LoadClosure or Opcode.LoadDeref or Opcode.StoreDeref or Opcode.DeleteDeref:
                return SlotName(code, arg);
            case Opcode.LoadGlobal or Opcode.StoreGlobal or Opcode.DeleteGlobal or Opcode.LoadName or Opcode.StoreName
                or Opcode.DeleteName or Opcode.LoadAttr or Opcode.StoreAttr or Opcode.DeleteAttr or Opcode.LoadMethod
                or Opcode.ImportName or Opcode.ImportFrom:
                return At(code.Names, arg, s => s);
            case Opcode.BinaryOp:
                return (arg & 15) < BinOpSymbols.Length ? BinOpSymbols[arg & 15] + (arg >= 16 ? "=" : "") : "?";
            case Opcode.CompareOp: return arg < CmpSymbols.Length ? CmpSymbols[arg] : "?";
            case Opcode.IsOp: return arg == 0 ? "is" : "is not";
            case Opcode.ContainsOp: return arg == 0 ? "in" : "not in";
            case Opcode.UnpackEx: return $"{arg & 0xFF} before, {arg >> 8} after";
            case Opcode.FormatValue:
                {
                    string conv = (arg & 3) switch { 1 => "str", 2 => "repr", 3 => "ascii", _ => "" };
                    string spec = (arg & 4) != 0 ? "with format" : "";
                    return string.Join(", ", new[] { conv, spec }.Where(s => s.Length > 0));
                }
            case Opcode.MakeFunction:
                {
                    var parts = new List<string>();
                    if ((arg & 1) != 0) parts.Add("defaults");
                    if ((arg & 2) != 0) parts.Add("kwdefaults");
                    if ((arg & 8) != 0) parts.Add("closure");
                    return string.Join(", ", parts);
                }
            case Opcode.CallEx: return (arg & 1) != 0 ? "kwargs" : "";
            case Opcode.RaiseVarargs: return arg switch { 0 => "reraise", 1 => "exc", _ => "exc from cause" };
            default:
                return OpcodeInfo.IsJump(op) ? $"to {arg}" : "";
        }
    }
}
