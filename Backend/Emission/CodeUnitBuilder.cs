using System.Buffers.Binary;
using Lbbv.Backend.Linking;
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
    private int[] _labelStencils = new int[16]; // the index of the stencil each label is bound before
    private readonly List<LinkSite> _sites = [];
    private string?[] _notes = new string?[32];
    private int _stencilCount, _operandCount, _labelCount, _size;
    private string? _pendingNote;
    private bool _hasNotes;

    internal CodeUnitBuilder(JitBackend backend, bool keepsRecipe = false)
    {
        _backend = backend;
        KeepsRecipe = keepsRecipe;
        _valueSize = backend.Stencils.Layout.ValueSize;
        Name = "";
    }

    /// <summary>The unit's name in perf maps, listings and disassembly.</summary>
    public string Name { get; private set; }

    /// <summary>The frontend's grouping of units (LBBV: the code object they were compiled from; 0:
    /// none). --link reemit emits a group's current units again together.</summary>
    public int Group { get; private set; }

    /// <summary>The size so far, which is also the offset of the next stencil.</summary>
    public int Size => _size;

    public int StencilCount => _stencilCount;

    /// <summary>Whether the unit's stencils and operands are kept after publication, so that it can
    /// be emitted again (<c>--link reemit</c>; the frontends' builders only).</summary>
    internal bool KeepsRecipe { get; }

    /// <summary>The places where the unit leaves through an indirect slot, in emission order.</summary>
    public IReadOnlyList<LinkSite> LinkSites => _sites;

    public CodeUnitBuilder Begin(string name, int group = 0)
    {
        Name = name;
        Group = group;
        _stencilCount = _operandCount = _labelCount = _size = 0;
        _sites.Clear();
        _pendingNote = null;
        _hasNotes = false;
        SlotBias = 0;
        return this;
    }

    /// <summary>Added to every <see cref="OperandKind.Slot"/> operand <see cref="Emit"/> takes: the slots of a
    /// virtual frame right above the current one, addressed from the caller's r12 (its frame size in
    /// values) while r12 stays on the caller's slots.</summary>
    public int SlotBias { get; set; }

    public Label NewLabel()
    {
        if (_labelCount == _labelOffsets.Length)
        {
            Array.Resize(ref _labelOffsets, _labelCount * 2);
            Array.Resize(ref _labelStencils, _labelCount * 2);
        }
        _labelOffsets[_labelCount] = -1;
        return new Label(_labelCount++);
    }

    /// <summary>Binds <paramref name="label"/> to the current offset.</summary>
    public void Bind(Label label)
    {
        if ((uint)label.Id >= (uint)_labelCount) throw new ArgumentException("label of another unit", nameof(label));
        if (_labelOffsets[label.Id] >= 0) throw new InvalidOperationException($"label {label.Id} bound twice");
        _labelOffsets[label.Id] = _size;
        _labelStencils[label.Id] = _stencilCount;
    }

    public int OffsetOf(Label label)
    {
        int offset = (uint)label.Id < (uint)_labelCount ? _labelOffsets[label.Id] : -1;
        return offset >= 0 ? offset : throw new InvalidOperationException($"label {label.Id} is not bound");
    }

    /// <summary>A note (bytecode offset, block name) shown in listings before the next stencil.</summary>
    public void Annotate(string note) => _pendingNote = note;

    /// <summary>The note <see cref="Annotate"/> left for the next stencil, if none was emitted since.</summary>
    public string? PendingNote => _pendingNote;

    /// <summary>Appends <paramref name="stencil"/> with one operand per parameter, in parameter order.</summary>
    public void Emit(Stencil stencil, params ReadOnlySpan<Operand> operands)
    {
        var kinds = stencil.ParameterKinds;
        if (operands.Length != kinds.Length)
            throw new ArgumentException($"{stencil.Name} takes {kinds.Length} operands, got {operands.Length}");
        for (int i = 0; i < kinds.Length; i++)
            if (!Accepts(kinds[i], operands[i].Kind))
                throw new ArgumentException($"{stencil.Name}: parameter {stencil.Parameters[i].Name} is {kinds[i]}, got {operands[i].Kind}");

        if (FrameTraffic is { } traffic && stencil.FrameAccesses is var counted && (counted.Loads | counted.Stores) != 0)
        {
            if (counted.Loads > 0) Emit(traffic.Add, traffic.Loads, Operand.Imm(counted.Loads));
            if (counted.Stores > 0) Emit(traffic.Add, traffic.Stores, Operand.Imm(counted.Stores));
        }
        if (_stencilCount == _stencils.Length)
        {
            Array.Resize(ref _stencils, _stencilCount * 2);
            Array.Resize(ref _notes, _stencilCount * 2);
        }
        while (_operandCount + operands.Length > _operands.Length) Array.Resize(ref _operands, _operands.Length * 2);

        operands.CopyTo(_operands.AsSpan(_operandCount));
        if (SlotBias != 0)
            for (int i = _operandCount; i < _operandCount + operands.Length; i++)
            {
                if (_operands[i].Kind == OperandKind.Slot)
                    _operands[i] = Operand.Slot((int)_operands[i].Value + SlotBias);
            }
        _stencils[_stencilCount] = new PendingStencil(stencil, _size, _operandCount);
        _notes[_stencilCount] = _pendingNote;
        _hasNotes |= _pendingNote is not null;
        _pendingNote = null;
        _stencilCount++;
        _operandCount += operands.Length;
        _size += stencil.Size;
        if (CountFrameAccesses)
        {
            var accesses = stencil.FrameAccesses;
            FrameLoadsEmitted += accesses.Loads;
            FrameStoresEmitted += accesses.Stores;
        }
    }

    /// <summary>When set (<c>--count-frame-traffic</c>), <see cref="Emit"/> precedes every stencil that loads or
    /// stores frame slots with <paramref name="Add"/>s of its counts to the two counters, which then count
    /// the frame loads and stores of the stencils executed (a stencil's all, whichever path it takes).</summary>
    public (ExitCounter Loads, ExitCounter Stores, Stencil Add)? FrameTraffic { get; set; }

    /// <summary>Whether <see cref="Emit"/> sums the frame slot loads and stores of what it emits (--stats).</summary>
    public bool CountFrameAccesses { get; set; }

    /// <summary>Frame slot loads and stores in every stencil emitted so far (<see cref="CountFrameAccesses"/>).</summary>
    public long FrameLoadsEmitted { get; private set; }
    public long FrameStoresEmitted { get; private set; }

    /// <summary>
    /// Leaves through <paramref name="slot"/> (a link site), counting the jump in
    /// <paramref name="counter"/> when given (the indirect-jump counter). In the default and reemit
    /// modes: <c>Counter.Increment</c> and <c>Control.JumpThroughSlot</c>; in patch mode the
    /// patchable form, 8-byte aligned, that <see cref="JitBackend.Link"/> rewrites into a direct jump.
    /// </summary>
    public void EmitSlotJump(IndirectSlot slot, ExitCounter? counter)
    {
        var s = _backend.Stencils;
        var kind = counter is null ? LinkSiteKind.Jump : LinkSiteKind.CountedJump;
        if (_backend.Options.LinkMode == LinkMode.Patch)
        {
            AlignTo(SitePatch.Alignment, 0);
            _sites.Add(new LinkSite(kind, slot.Address, _stencilCount));
            if (counter is { } patchCounter) Emit(s.Link.CountedPatchableJump, patchCounter, slot);
            else Emit(s.Link.PatchableJump, slot);
            return;
        }
        _sites.Add(new LinkSite(kind, slot.Address, _stencilCount));
        if (counter is { } c) Emit(s.Counter.Increment, c);
        Emit(s.Control.JumpThroughSlot, slot);
    }

    /// <summary>Calls a callee's entry through <paramref name="entry"/> (<c>Invoke.Call</c>, a link
    /// site); in patch mode its call instruction is placed on an 8-byte boundary.</summary>
    public void EmitSlotCall(IndirectSlot entry)
    {
        var call = _backend.Stencils.Invoke.Call;
        if (_backend.Options.LinkMode == LinkMode.Patch) AlignTo(SitePatch.Alignment, SitePatch.OffsetIn(call));
        _sites.Add(new LinkSite(LinkSiteKind.Call, entry.Address, _stencilCount));
        Emit(call, entry);
    }

    /// <summary>Records a link site copied into this unit by a re-emission.</summary>
    internal void RecordSite(LinkSite site) => _sites.Add(site);

    /// <summary>Pads with NOPs so that byte <paramref name="phase"/> of the next stencil lies on an
    /// <paramref name="alignment"/> boundary (units start on a boundary of at least that).</summary>
    private void AlignTo(int alignment, int phase)
    {
        if (_backend.Options.UnitAlignment % alignment != 0)
            throw new InvalidOperationException(
                $"units aligned to {_backend.Options.UnitAlignment} cannot align a link to {alignment}");
        int pad = (alignment - (_size + phase) % alignment) % alignment;
        if (pad > 0) Emit(_backend.Stencils.Link.Nop(pad));
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

    /// <summary>The offset in the unit of stencil number <paramref name="index"/>.</summary>
    internal int StencilOffset(int index) => _stencils[index].Offset;

    /// <summary>Which re-emission the next unit is (0: a frontend's own unit).</summary>
    internal int Generation { get; set; }

    /// <summary>The recipe of the last unit published, when the builder keeps them.</summary>
    internal UnitRecipe? LastRecipe { get; private set; }

    /// <summary>Records what the unit just published was made of, to emit it again (--link reemit).</summary>
    internal UnitRecipe KeepRecipe(PublishedCode code)
    {
        var labels = new int[_labelCount];
        for (int l = 0; l < _labelCount; l++) labels[l] = _labelOffsets[l] < 0 ? -1 : _labelStencils[l];
        return LastRecipe = new UnitRecipe(code, _stencils[.._stencilCount], _operands[.._operandCount], labels,
            [.. _sites], Generation, Group);
    }
}

/// <summary>A stencil of a unit: where it is and where its operands start in the unit's operand list.</summary>
internal readonly record struct PendingStencil(Stencil Stencil, int Offset, int FirstOperand);

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
