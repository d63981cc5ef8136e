namespace Lbbv.Bytecode.Tests;

/// <summary>Structural checks every compiled code object must pass (recursively through constants).</summary>
internal static class CodeInvariants
{
    public static IEnumerable<CodeObject> All(CodeObject code)
    {
        yield return code;
        foreach (var c in code.Constants)
            if (c is CodeObject inner)
                foreach (var x in All(inner)) yield return x;
    }

    public static void CheckAll(CodeObject root)
    {
        foreach (var code in All(root)) Check(code);
    }

    public static void Check(CodeObject code)
    {
        string where = code.QualName;
        int n = code.Code.Length;
        Assert.True(n > 0, where);
        Assert.Equal(n, code.Lines.Length);
        Assert.All(code.Lines, l => Assert.True(l > 0, $"{where}: line {l}"));
        Assert.Equal(code.CellVars.Length, code.CellParamIndex.Length);

        // Blocks cover the code contiguously.
        Assert.NotEmpty(code.Blocks);
        var blockAt = new int[n];
        int expectStart = 0;
        for (int b = 0; b < code.Blocks.Length; b++)
        {
            var blk = code.Blocks[b];
            Assert.Equal(expectStart, blk.Start);
            Assert.True(blk.End > blk.Start, $"{where}: empty block {b}");
            Assert.True(blk.EntryDepth >= 0 && blk.EntryDepth <= code.MaxStackDepth, $"{where}: block {b} depth {blk.EntryDepth}");
            for (int i = blk.Start; i < blk.End; i++) blockAt[i] = b;
            expectStart = blk.End;
        }
        Assert.Equal(n, expectStart);
        bool IsStart(int i) => i >= 0 && i < n && code.Blocks[blockAt[i]].Start == i;

        // Exception table: sorted, disjoint, targets are handler blocks with the right depth.
        int prevEnd = 0;
        foreach (var e in code.ExceptionTable)
        {
            Assert.True(e.Start >= prevEnd && e.End > e.Start && e.End <= n, $"{where}: bad entry {e}");
            prevEnd = e.End;
            Assert.True(IsStart(e.Target), $"{where}: handler {e.Target} not a block start");
            var hb = code.Blocks[blockAt[e.Target]];
            Assert.True(hb.IsHandler, $"{where}: block at {e.Target} not marked handler");
            Assert.Equal(e.Depth + (e.PushLasti ? 1 : 0) + 1, hb.EntryDepth);
        }
        var handlerTargets = code.ExceptionTable.Select(e => e.Target).ToHashSet();
        foreach (var blk in code.Blocks) Assert.Equal(handlerTargets.Contains(blk.Start), blk.IsHandler);

        CheckReachable(code);

        // Simulate every block from its entry depth.
        foreach (var blk in code.Blocks)
        {
            int d = blk.EntryDepth;
            for (int i = blk.Start; i < blk.End; i++)
            {
                int ins = code.Code[i];
                var op = OpcodeInfo.OpOf(ins);
                int arg = OpcodeInfo.ArgOf(ins);
                Assert.True(Enum.IsDefined(op), $"{where}@{i}: bad op");
                CheckArg(code, i, op, arg);
                foreach (var e in code.ExceptionTable)
                    if (i >= e.Start && i < e.End) Assert.True(e.Depth <= d, $"{where}@{i}: handler depth {e.Depth} > {d}");
                bool last = i == blk.End - 1;
                if (OpcodeInfo.IsJump(op))
                {
                    Assert.True(IsStart(arg), $"{where}@{i}: jump target {arg} not a block start");
                    Assert.Equal(code.Blocks[blockAt[arg]].EntryDepth, d + StackEffects.Of(op, arg, true));
                    Assert.True(last || op == Opcode.Jump, $"{where}@{i}: branch inside a block");
                }
                if (OpcodeInfo.IsTerminator(op) || op == Opcode.YieldValue)
                    Assert.True(last, $"{where}@{i}: {op} must end its block");
                if (OpcodeInfo.IsTerminator(op)) break;
                int after = d + StackEffects.Of(op, arg, false);
                Assert.True(after >= 0 && after <= code.MaxStackDepth, $"{where}@{i}: depth {after} (max {code.MaxStackDepth})");
                Assert.True(d <= code.MaxStackDepth);
                d = after;
                if (last)
                {
                    Assert.True(i + 1 < n, $"{where}: falls off the end");
                    Assert.Equal(code.Blocks[blockAt[i + 1]].EntryDepth, d);
                }
            }
        }
    }

    /// <summary>Every instruction is reachable from offset 0 (dead code is dropped).</summary>
    private static void CheckReachable(CodeObject code)
    {
        int n = code.Code.Length;
        var seen = new bool[n];
        var work = new Stack<int>();
        void Reach(int i)
        {
            if (i < n && !seen[i]) { seen[i] = true; work.Push(i); }
        }
        Reach(0);
        while (work.Count > 0)
        {
            int i = work.Pop();
            var op = OpcodeInfo.OpOf(code.Code[i]);
            if (OpcodeInfo.IsJump(op)) Reach(OpcodeInfo.ArgOf(code.Code[i]));
            if (!OpcodeInfo.IsTerminator(op)) Reach(i + 1);
            foreach (var e in code.ExceptionTable)
                if (i >= e.Start && i < e.End) Reach(e.Target);
        }
        for (int i = 0; i < n; i++) Assert.True(seen[i], $"{code.QualName}@{i}: unreachable");
    }

    private static void CheckArg(CodeObject code, int i, Opcode op, int arg)
    {
        string where = $"{code.QualName}@{i} {op} {arg}";
        switch (op)
        {
            case Opcode.LoadConst:
                Assert.True(arg < code.Constants.Length, where);
                break;
            case Opcode.LoadFast or Opcode.StoreFast or Opcode.DeleteFast:
                Assert.True(arg < code.VarNames.Length, where);
                break;
            case Opcode.MakeCell:
                Assert.True(arg >= code.VarNames.Length && arg < code.VarNames.Length + code.CellVars.Length, where);
                break;
            case Opcode.LoadClosure or Opcode.LoadDeref or Opcode.StoreDeref or Opcode.DeleteDeref:
                Assert.True(arg >= code.VarNames.Length && arg < code.SlotCount, where);
                break;
            case Opcode.LoadGlobal or Opcode.StoreGlobal or Opcode.DeleteGlobal or Opcode.LoadName or Opcode.StoreName
                or Opcode.DeleteName or Opcode.LoadAttr or Opcode.StoreAttr or Opcode.DeleteAttr or Opcode.LoadMethod
                or Opcode.ImportName or Opcode.ImportFrom:
                Assert.True(arg < code.Names.Length, where);
                break;
            case Opcode.BinaryOp:
                Assert.True((arg & 15) <= 12 && arg < 32, where);
                break;
            case Opcode.CompareOp:
                Assert.True(arg <= 5, where);
                break;
            case Opcode.CallKw:
                {
                    // The previous instruction loads the kwnames tuple.
                    int prev = code.Code[i - 1];
                    Assert.Equal(Opcode.LoadConst, OpcodeInfo.OpOf(prev));
                    var names = Assert.IsType<object?[]>(code.Constants[OpcodeInfo.ArgOf(prev)]);
                    Assert.True(names.Length <= arg, where);
                    break;
                }
        }
        if (op is Opcode.LoadName or Opcode.StoreName or Opcode.DeleteName)
            Assert.True((code.Flags & CodeFlags.ClassBody) != 0, where);
        if ((code.Flags & CodeFlags.Module) != 0)
            Assert.False(op is Opcode.LoadFast or Opcode.StoreFast or Opcode.LoadName or Opcode.StoreName, where);
    }
}
