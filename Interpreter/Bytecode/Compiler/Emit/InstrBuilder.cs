namespace Lbbv.Bytecode.Compiler.Emit;

/// <summary>Accumulates the instructions of one code object, with labels and the stack of active
/// exception handlers.</summary>
internal sealed class InstrBuilder
{
    private readonly List<Instr> _instrs = new();
    private readonly List<Handler> _handlers = new();

    public int Line { get; set; }
    public IReadOnlyList<Instr> Instructions => _instrs;
    public int Count => _instrs.Count;

    private Handler? Current => _handlers.Count == 0 ? null : _handlers[^1];

    public void Emit(Opcode op, int arg = 0)
    {
        if (OpcodeInfo.IsJump(op)) throw new InvalidOperationException($"{op} needs a label");
        if (arg < 0 || arg >= 1 << 23) throw new InvalidOperationException($"{op}: argument {arg} out of range");
        _instrs.Add(new Instr(op, arg, null, Line, Current));
    }

    public void EmitJump(Opcode op, Label target)
    {
        if (!OpcodeInfo.IsJump(op)) throw new InvalidOperationException($"{op} is not a jump");
        _instrs.Add(new Instr(op, 0, target, Line, Current));
    }

    public void Mark(Label label)
    {
        if (label.Position >= 0) throw new InvalidOperationException("label marked twice");
        label.Position = _instrs.Count;
    }

    public void PushHandler(Handler h)
    {
        if (h.SetupIndex < 0) h.SetupIndex = _instrs.Count;
        _handlers.Add(h);
    }

    public void PopHandler(Handler h)
    {
        if (Current != h) throw new InvalidOperationException("exception handler stack out of order");
        _handlers.RemoveAt(_handlers.Count - 1);
    }

    public Handler[] SaveHandlers() => _handlers.ToArray();

    public void RestoreHandlers(Handler[] saved)
    {
        _handlers.Clear();
        _handlers.AddRange(saved);
    }
}
