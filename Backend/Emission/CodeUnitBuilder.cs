using System.Buffers.Binary;
using Lbbv.Backend.Memory;
using Lbbv.Backend.Stencils;

namespace Lbbv.Backend.Emission;

/// <summary>
/// Emits one unit of machine code (a block version, a trace, a stub) by copying stencils and
/// patching their holes. <see cref="Emit"/> only records the stencil and its operands and
/// advances the size (stencil sizes are fixed, so label offsets are known at once); <see
/// cref="TryPublish"/> reserves exactly that size, writes every stencil, and publishes. A builder
/// is reused: <see cref="Begin"/> starts the next unit without allocating.
/// </summary>
public sealed class CodeUnitBuilder
{
    private readonly JitBackend _backend;
    private readonly int _valueSize;
    private PendingStencil[] _stencils = new PendingStencil[32];
    private Operand[] _operands = new Operand[128];
    private int[] _labelOffsets = new int[16];
    private string?[] _notes = new string?[32];
    private int _stencilCount, _operandCount, _labelCount, _size;
    private string? _pendingNote;
    private bool _hasNotes;

    internal CodeUnitBuilder(JitBackend backend)
    {
        _backend = backend;
        _valueSize = backend.Stencils.Layout.ValueSize;
        Name = "";
    }

    /// <summary>The unit's name in perf maps, listings and disassembly.</summary>
    public string Name { get; private set; }

    /// <summary>The size so far, which is also the offset of the next stencil.</summary>
    public int Size => _size;

    public int StencilCount => _stencilCount;

    public CodeUnitBuilder Begin(string name)
    {
        Name = name;
        _stencilCount = _operandCount = _labelCount = _size = 0;
        _pendingNote = null;
        _hasNotes = false;
        return this;
    }

    public Label NewLabel()
    {
        if (_labelCount == _labelOffsets.Length) Array.Resize(ref _labelOffsets, _labelCount * 2);
        _labelOffsets[_labelCount] = -1;
        return new Label(_labelCount++);
    }

    /// <summary>Binds <paramref name="label"/> to the current offset.</summary>
    public void Bind(Label label)
    {
        if ((uint)label.Id >= (uint)_labelCount) throw new ArgumentException("label of another unit", nameof(label));
        if (_labelOffsets[label.Id] >= 0) throw new InvalidOperationException($"label {label.Id} bound twice");
        _labelOffsets[label.Id] = _size;
    }

    public int OffsetOf(Label label)
    {
        int offset = (uint)label.Id < (uint)_labelCount ? _labelOffsets[label.Id] : -1;
        return offset >= 0 ? offset : throw new InvalidOperationException($"label {label.Id} is not bound");
    }

    /// <summary>A note (bytecode offset, block name) shown in listings before the next stencil.</summary>
    public void Annotate(string note) => _pendingNote = note;

    /// <summary>Appends <paramref name="stencil"/> with one operand per parameter, in parameter order.</summary>
    public void Emit(Stencil stencil, params ReadOnlySpan<Operand> operands)
    {
        var kinds = stencil.ParameterKinds;
        if (operands.Length != kinds.Length)
            throw new ArgumentException($"{stencil.Name} takes {kinds.Length} operands, got {operands.Length}");
        for (int i = 0; i < kinds.Length; i++)
            if (!Accepts(kinds[i], operands[i].Kind))
                throw new ArgumentException($"{stencil.Name}: parameter {stencil.Parameters[i].Name} is {kinds[i]}, got {operands[i].Kind}");

        if (_stencilCount == _stencils.Length)
        {
            Array.Resize(ref _stencils, _stencilCount * 2);
            Array.Resize(ref _notes, _stencilCount * 2);
        }
        while (_operandCount + operands.Length > _operands.Length) Array.Resize(ref _operands, _operands.Length * 2);

        operands.CopyTo(_operands.AsSpan(_operandCount));
        _stencils[_stencilCount] = new PendingStencil(stencil, _size, _operandCount);
        _notes[_stencilCount] = _pendingNote;
        _hasNotes |= _pendingNote is not null;
        _pendingNote = null;
        _stencilCount++;
        _operandCount += operands.Length;
        _size += stencil.Size;
    }

    /// <summary>
    /// Writes and publishes the unit. Returns false, counting it, when the code space is full:
    /// the frontend then stays in the interpreter. The builder keeps its contents either way
    /// until the next <see cref="Begin"/>.
    /// </summary>
    public bool TryPublish(out PublishedCode code)
    {
        if (_size == 0) throw new InvalidOperationException("nothing to publish");
        var space = _backend.Space;
        nint previousEnd = space.PublishedEnd;
        if (!space.TryReserve(_size, _backend.Options.UnitAlignment, out var reservation))
        {
            _backend.Counters.CodeSpaceExhausted++;
            code = default;
            return false;
        }
        try
        {
            Write(reservation.WritableBytes, reservation.Start, space);
        }
        catch
        {
            space.Abandon(reservation);
            throw;
        }
        space.Publish(reservation);
        code = new PublishedCode(reservation.Start, _size, Name);
        _backend.OnPublished(this, code, (int)(reservation.Start - previousEnd));
        return true;
    }

    private void Write(Span<byte> destination, nint start, CodeSpace space)
    {
        for (int s = 0; s < _stencilCount; s++)
        {
            var (stencil, offset, firstOperand) = _stencils[s];
            var bytes = destination.Slice(offset, stencil.Size);
            stencil.CodeArray.CopyTo(bytes);
            foreach (var hole in stencil.HoleArray)
            {
                var operand = _operands[firstOperand + hole.Parameter];
                var field = bytes.Slice(hole.Offset, hole.Width);
                switch (hole.Kind)
                {
                    case ParameterKind.ValueSlot:
                        BinaryPrimitives.WriteInt32LittleEndian(field, checked((int)(operand.Value * _valueSize + hole.Addend)));
                        break;
                    case ParameterKind.Int32:
                        BinaryPrimitives.WriteInt32LittleEndian(field, checked((int)(operand.Value + hole.Addend)));
                        break;
                    case ParameterKind.Int8:
                        if (operand.Value is < sbyte.MinValue or > byte.MaxValue)
                            throw new OverflowException($"{stencil.Name}: {operand.Value} does not fit in a byte");
                        field[0] = unchecked((byte)operand.Value);
                        break;
                    case ParameterKind.Int64:
                        BinaryPrimitives.WriteInt64LittleEndian(field, operand.Value);
                        break;
                    case ParameterKind.CodeTarget:
                    case ParameterKind.DataCell:
                        nint target = ResolveTarget(stencil, operand, start, space);
                        long nextInstruction = start + offset + hole.Offset + hole.PcBias;
                        BinaryPrimitives.WriteInt32LittleEndian(field, checked((int)(target - nextInstruction)));
                        break;
                }
            }
        }
    }

    private nint ResolveTarget(Stencil stencil, Operand operand, nint start, CodeSpace space)
    {
        switch (operand.Kind)
        {
            case OperandKind.Label:
                return start + OffsetOf(new Label((int)operand.Value));
            case OperandKind.Code:
                // Only published code may be a target: nothing can jump into bytes still being written.
                return space.IsPublishedCode((nint)operand.Value) ? (nint)operand.Value
                    : throw new InvalidOperationException($"{stencil.Name}: {operand.Value:X} is not published code");
            default:
                return space.IsData((nint)operand.Value) ? (nint)operand.Value
                    : throw new InvalidOperationException($"{stencil.Name}: {operand.Value:X} is not an allocated data cell");
        }
    }

    private static bool Accepts(ParameterKind parameter, OperandKind operand) => parameter switch
    {
        ParameterKind.ValueSlot => operand == OperandKind.Slot,
        ParameterKind.Int8 or ParameterKind.Int32 or ParameterKind.Int64 => operand == OperandKind.Immediate,
        ParameterKind.CodeTarget => operand is OperandKind.Label or OperandKind.Code,
        ParameterKind.DataCell => operand == OperandKind.DataCell,
        _ => false,
    };

    /// <summary>The listing of the unit just written (stencil names, offsets and notes).</summary>
    internal CodeListing CreateListing(PublishedCode code)
    {
        var entries = new CodeListing.Entry[_stencilCount];
        for (int s = 0; s < _stencilCount; s++)
            entries[s] = new CodeListing.Entry(_stencils[s].Offset, _stencils[s].Stencil, _hasNotes ? _notes[s] : null);
        return new CodeListing(code, entries);
    }

    internal void CountStencils(long[] byKind)
    {
        for (int s = 0; s < _stencilCount; s++) byKind[(int)_stencils[s].Stencil.Kind]++;
    }

    private readonly record struct PendingStencil(Stencil Stencil, int Offset, int FirstOperand);
}

/// <summary>A published range of machine code; its bytes never change.</summary>
public readonly record struct PublishedCode(nint Start, int Size, string Name)
{
    public nint End => Start + Size;
}

/// <summary>Which stencil produced which bytes of a published unit, for disassembly.</summary>
public sealed record CodeListing(PublishedCode Code, IReadOnlyList<CodeListing.Entry> Entries)
{
    public readonly record struct Entry(int Offset, Stencil Stencil, string? Note);
}
