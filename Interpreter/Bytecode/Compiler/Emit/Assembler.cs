namespace Lbbv.Bytecode.Compiler.Emit;

/// <summary>The assembled body of one code object.</summary>
internal sealed record AssembledCode(int[] Code, int[] Lines, BlockInfo[] Blocks, ExceptionEntry[] ExceptionTable, int MaxStackDepth);

/// <summary>Turns the builder's instructions into final code: resolves labels, computes the stack
/// depth before every instruction by flow analysis (jumps, fall-through and exception edges),
/// drops unreachable instructions, and builds the block table and the exception table.</summary>
internal static class Assembler
{
    public static AssembledCode Assemble(IReadOnlyList<Instr> instrs, string codeName)
    {
        int n = instrs.Count;
        if (n == 0) throw Bug(codeName, "empty code");
        int[] depth = ComputeDepths(instrs, codeName, out int maxDepth);

        // Keep reachable instructions only (every reachable instruction has a depth), and drop a
        // Jump to the next kept instruction (outside try bodies). A dropped instruction maps to the
        // next kept one.
        var keep = new bool[n];
        int nextKept = n;
        for (int i = n - 1; i >= 0; i--)
        {
            keep[i] = depth[i] >= 0
                && !(instrs[i].Op == Opcode.Jump && instrs[i].Target!.Position == nextKept
                     && instrs[i].Handler == null); // dropping a covered jump could orphan its handler
            if (keep[i]) nextKept = i;
        }
        var newIndex = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < n; i++) newIndex[i] = keep[i] ? kept++ : -1;
        var mapped = new int[n + 1];
        mapped[n] = kept;
        for (int i = n - 1; i >= 0; i--) mapped[i] = keep[i] ? newIndex[i] : mapped[i + 1];

        var code = new int[kept];
        var lines = new int[kept];
        var depthOf = new int[kept];
        var handlerOf = new Handler?[kept];
        var leader = new bool[kept];
        var isHandler = new bool[kept];
        if (kept > 0) leader[0] = true;
        for (int i = 0; i < n; i++)
        {
            int j = newIndex[i];
            if (j < 0) continue;
            Instr ins = instrs[i];
            int arg = ins.Arg;
            if (ins.Target is { } t)
            {
                if (depth[t.Position] < 0) throw Bug(codeName, $"jump at {i} to unreachable {t.Position}");
                arg = mapped[t.Position];
                leader[arg] = true;
            }
            code[j] = OpcodeInfo.Encode(ins.Op, arg);
            lines[j] = ins.Line;
            depthOf[j] = depth[i];
            if (ins.Handler is { } h)
            {
                handlerOf[j] = h;
                int ht = mapped[h.Target.Position];
                leader[ht] = true;
                isHandler[ht] = true;
            }
            bool endsBlock = ins.Target != null || OpcodeInfo.IsTerminator(ins.Op) || ins.Op == Opcode.YieldValue;
            if (endsBlock && j + 1 < kept) leader[j + 1] = true;
        }

        var blocks = new List<BlockInfo>();
        for (int start = 0; start < kept;)
        {
            int end = start + 1;
            while (end < kept && !leader[end]) end++;
            blocks.Add(new BlockInfo(start, end, depthOf[start], isHandler[start]));
            start = end;
        }

        var table = new List<ExceptionEntry>();
        for (int j = 0; j < kept;)
        {
            Handler? h = handlerOf[j];
            int end = j + 1;
            while (end < kept && handlerOf[end] == h) end++;
            if (h != null)
                table.Add(new ExceptionEntry(j, end, mapped[h.Target.Position], depth[h.SetupIndex] + h.DepthAdjust,
                    h.PushLasti));
            j = end;
        }
        return new AssembledCode(code, lines, blocks.ToArray(), table.ToArray(), maxDepth);
    }

    private static int[] ComputeDepths(IReadOnlyList<Instr> instrs, string codeName, out int maxDepth)
    {
        int n = instrs.Count;
        var depth = new int[n];
        Array.Fill(depth, -1);
        var work = new Stack<int>();
        int max = 0;
        void Reach(int at, int d, int from)
        {
            if (at < 0 || at >= n) throw Bug(codeName, $"control leaves the code after {from}");
            if (d < 0) throw Bug(codeName, $"stack underflow at {from}");
            if (d > max) max = d;
            if (depth[at] < 0) { depth[at] = d; work.Push(at); }
            else if (depth[at] != d) throw Bug(codeName, $"inconsistent stack depth at {at}: {depth[at]} vs {d} (from {from})");
        }
        Reach(0, 0, 0);
        while (work.Count > 0)
        {
            int i = work.Pop();
            Instr ins = instrs[i];
            int d = depth[i];
            if (ins.Handler is { } h)
            {
                bool known = h.SetupIndex >= 0 && h.SetupIndex < n && depth[h.SetupIndex] >= 0;
                int hd = known ? depth[h.SetupIndex] + h.DepthAdjust : -1;
                if (hd < 0) throw Bug(codeName, $"handler depth unknown at {i}");
                Reach(h.Target.Position, hd + (h.PushLasti ? 1 : 0) + 1, i);
            }
            if (ins.Target is { } t)
                Reach(t.Position, d + StackEffects.Of(ins.Op, ins.Arg, jump: true), i);
            if (!OpcodeInfo.IsTerminator(ins.Op))
                Reach(i + 1, d + StackEffects.Of(ins.Op, ins.Arg, jump: false), i);
        }
        maxDepth = max;
        return depth;
    }

    private static InvalidOperationException Bug(string codeName, string what) =>
        new($"internal compiler error in {codeName}: {what}");
}
