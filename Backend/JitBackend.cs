using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Lbbv.Backend.Emission;
using Lbbv.Backend.Layout;
using Lbbv.Backend.Linking;
using Lbbv.Backend.Memory;
using Lbbv.Backend.Observability;
using Lbbv.Backend.Stencils;

namespace Lbbv.Backend;

/// <summary>
/// The backend both JIT frontends share: code space and data cells, the stencil library, the
/// entry trampoline and lazy-compile stub, indirect slots, counters, symbols, listings and the
/// perf map. Single-threaded: one VM thread emits and runs code.
/// </summary>
public sealed unsafe class JitBackend : IDisposable
{
    private readonly PerfMap? _perfMap;
    private readonly Dictionary<nint, CodeListing>? _listings;
    private readonly CodeUnitBuilder _stubBuilder;
    private readonly Dictionary<nint, IndirectSlot> _slotsByAddress = [];
    private readonly nint _lazyCompilerCell;
    private readonly nint _returnedCell; // where Enter's trampoline leaves a returned value by default
    private readonly SlotLinks _links;
    private readonly UnitReemitter? _reemitter;
    private readonly CallChain? _callChain;
    private readonly CopyCollector? _collector;
    private int _entryDepth;

    /// <summary>A backend whose stencils are written with Iced for <paramref name="layout"/>.</summary>
    public JitBackend(RuntimeLayout layout, BackendOptions? options = null)
        : this(StencilLibrary.For(layout), options)
    {
    }

    public JitBackend(StencilLibrary stencils, BackendOptions? options = null)
    {
        Options = options ?? new BackendOptions();
        Stencils = stencils;
        Space = new CodeSpace(Options.CodeSize, Options.DataSize, Options.TrackPublishedHashes,
            allowPatching: Options.LinkMode == LinkMode.Patch);
        Disassembler = new Disassembler(Symbols, stencils.Layout);
        _listings = Options.KeepListings ? [] : null;
        _perfMap = Options.WritePerfMap ? new PerfMap(Options.PerfMapPath) : null;
        _stubBuilder = new CodeUnitBuilder(this);
        _links = new SlotLinks(this);

        if (!Space.TryAllocateData(8, out _lazyCompilerCell))
            throw new InvalidOperationException("data region too small for the backend's own cells");
        Symbols.Add(_lazyCompilerCell, "lazy-compiler");
        if (!Space.TryAllocateData(16, out _returnedCell))
            throw new InvalidOperationException("data region too small for the backend's own cells");
        Symbols.Add(_returnedCell, "returned-value");
        // SAFETY: taking the address of an [UnmanagedCallersOnly] static method.
        SetLazyCompiler(&NoLazyCompiler);

        EntryTrampoline = PublishShared("entry-trampoline", Stencils.Control.EntryTrampoline);
        LazyCompileStub = PublishShared("lazy-compile-stub", Stencils.Control.LazyCompileStub, Operand.Cell(_lazyCompilerCell));
        if (Options.LinkMode == LinkMode.Reemit)
        {
            Recipes = new CodeMap();
            _reemitter = new UnitReemitter(this);
            _callChain = new CallChain(this);
            _collector = new CopyCollector(this, _links);
        }
    }

    public BackendOptions Options { get; }
    public StencilLibrary Stencils { get; }
    public CodeSpace Space { get; }
    public BackendCounters Counters { get; } = new();
    public SymbolTable Symbols { get; } = new();
    public Disassembler Disassembler { get; }
    public string? PerfMapPath => _perfMap?.Path;
    public LinkMode LinkMode => Options.LinkMode;
    /// <summary>The frontends' units and their copies (<c>--link reemit</c> only).</summary>
    public CodeMap? Recipes { get; }

    /// <summary>The .NET to machine-code trampoline: <c>ulong(code, frame, vm)</c>.</summary>
    public nint EntryTrampoline { get; }
    /// <summary>The shared stub every fresh slot leads to.</summary>
    public nint LazyCompileStub { get; }

    /// <summary>A builder for units; keep one per frontend and reuse it with <see cref="CodeUnitBuilder.Begin"/>.</summary>
    public CodeUnitBuilder CreateUnitBuilder() => new(this, keepsRecipe: Options.LinkMode == LinkMode.Reemit);

    /// <summary>
    /// Runs machine code at <paramref name="code"/> with the frame base and VM state in their fixed
    /// registers, until it returns an exit record. A return leaves the returned value (payload, tag:
    /// 16 bytes) at <paramref name="returned"/> (0: a cell of the backend's own).
    /// </summary>
    public ExitRecord Enter(nint code, nint frame, nint vmState, nint returned = 0)
    {
        if (!Space.IsPublishedCode(code)) throw new ArgumentException("not published code", nameof(code));
        // No machine-code activation exists outside this call: the safe point where replaced copies
        // nothing can reach any more are retired (reemit mode).
        if (_entryDepth == 0) AtSafePoint?.Invoke(code);
        _entryDepth++;
        try
        {
            // SAFETY: the trampoline is published code with the SysV signature ulong(code, frame, vm,
            // returned); code is published machine code that keeps the backend's register and stack
            // convention; returned points at 16 writable bytes.
            var enter = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint, ulong>)EntryTrampoline;
            return ExitRecord.Unpack(enter(code, frame, vmState, returned != 0 ? returned : _returnedCell));
        }
        finally { _entryDepth--; }
    }

    /// <summary>Called by <see cref="Enter"/> when no machine code is running (no activation of any
    /// unit is on the stack, so no return address points into code), with the code about to be
    /// entered: the Linker collects dead copies here.</summary>
    public Action<nint>? AtSafePoint { get; set; }

    /// <summary>
    /// <c>--link reemit</c>, at a safe point only (<see cref="AtSafePoint"/>): retires every replaced
    /// copy that nothing can reach (<see cref="CopyCollector"/>): <paramref name="held"/> are the code
    /// addresses the frontend keeps (entries it enters code at). Returns the bytes retired.
    /// </summary>
    public long CollectDeadCopies(IEnumerable<nint> held)
    {
        if (_collector is null || Recipes is null) throw new InvalidOperationException("collecting copies needs --link reemit");
        if (_entryDepth != 0) throw new InvalidOperationException("dead copies are collected only when no machine code runs");
        Counters.CopyCollections++;
        return _collector.Collect(Recipes, held, _slotsByAddress.Keys);
    }

    /// <summary>What the last <see cref="CollectDeadCopies"/> examined (<see cref="CopyCollector.LastWork"/>).</summary>
    public long LastCollectionWork => _collector?.LastWork ?? 0;

    /// <summary>
    /// Installs the frontend's compiler, called by the lazy stub as
    /// <c>code = compile(vm, frame, slotAddress, &amp;exitRecord)</c>: it compiles the slot's target,
    /// links the slot, and returns the code to continue at, or 0 after writing a packed exit record.
    /// </summary>
    public void SetLazyCompiler(delegate* unmanaged[Cdecl]<nint, nint, nint, ulong*, nint> compiler) =>
        DataCells.WriteRelease(_lazyCompilerCell, (nint)compiler);

    /// <summary>
    /// A new indirect slot and its stub (which enters the lazy stub naming this slot). False, counted,
    /// when the data region or the code space is full.
    /// </summary>
    public bool TryAllocateSlot(string name, out IndirectSlot slot)
    {
        slot = default;
        if (!TryAllocateCell(out nint cell)) return false;
        _stubBuilder.Begin($"slot-stub:{name}");
        _stubBuilder.Emit(Stencils.Control.SlotStub, Operand.Cell(cell), Operand.Code(LazyCompileStub));
        if (!_stubBuilder.TryPublish(out var stub)) return false;
        DataCells.WriteRelease(cell, stub.Start);
        slot = new IndirectSlot(_slotsByAddress.Count, cell, stub.Start);
        _slotsByAddress.Add(cell, slot);
        Symbols.Add(cell, $"slot:{name}");
        Counters.SlotsAllocated++;
        return true;
    }

    public bool TryGetSlot(nint address, out IndirectSlot slot) => _slotsByAddress.TryGetValue(address, out slot);

    /// <summary>Points <paramref name="slot"/> at published code: the one link update (a data write),
    /// and in <c>--link patch</c> mode the rewrite of the slot's link sites into direct jumps and calls.</summary>
    public void Link(IndirectSlot slot, nint target)
    {
        if (!Space.IsPublishedCode(target)) throw new ArgumentException("slots point only at published code", nameof(target));
        _links.Link(slot, target);
    }

    /// <summary>Points <paramref name="slot"/> back at its stub (e.g. to invalidate a version); in
    /// patch mode its sites get their indirect form back.</summary>
    public void Unlink(IndirectSlot slot) => _links.Unlink(slot);

    /// <summary>Points <paramref name="slot"/> at published code without linking it (<c>SlotLinks.Park</c>):
    /// its sites stay indirect in every mode, for a slot that will lead elsewhere later.</summary>
    public void Park(IndirectSlot slot, nint target)
    {
        if (!Space.IsPublishedCode(target)) throw new ArgumentException("slots point only at published code", nameof(target));
        _links.Park(slot, target);
    }

    /// <summary>Where a parked slot leads, or 0 when it is not parked.</summary>
    public nint ParkedTarget(IndirectSlot slot) => _links.ParkedTarget(slot.Address);

    /// <summary>The code <paramref name="slot"/> leads to, or 0 while it leads to its stub.</summary>
    public nint LinkedTarget(IndirectSlot slot) => _links.TargetOf(slot.Address);

    /// <summary><c>--link patch</c>: every link site of published code (where its patched
    /// instruction starts) with the slot it goes through.</summary>
    public IEnumerable<(nint Slot, nint Site, LinkSiteKind Kind)> PatchSites => _links.PatchSites;

    /// <summary>The code the slot at <paramref name="slotAddress"/> leads to, or 0.</summary>
    public nint LinkedTarget(nint slotAddress) => _links.TargetOf(slotAddress);

    /// <summary>
    /// <c>--link reemit</c>: links <paramref name="slot"/> to <paramref name="target"/> through a
    /// count-down stub, so that after <paramref name="uses"/> uses the next one enters the slot's
    /// stub again (the lazy compiler then sees a linked slot: the link is hot). False when the space
    /// is full.
    /// </summary>
    public bool TryLinkCounting(IndirectSlot slot, nint target, long uses)
    {
        if (!Space.IsPublishedCode(target))
            throw new ArgumentException("slots point only at published code", nameof(target));
        return _links.TryLinkCounting(slot, target, uses);
    }

    /// <summary><c>--link reemit</c>: links <paramref name="slot"/> through a count-down stub that
    /// counts its uses in <paramref name="count"/>, a counter cell it may share with other slots
    /// (<see cref="TryAllocateCounter"/>); the slot's stub is entered when the cell reaches zero.</summary>
    public bool TryLinkCounting(IndirectSlot slot, nint target, ExitCounter count)
    {
        if (!Space.IsPublishedCode(target))
            throw new ArgumentException("slots point only at published code", nameof(target));
        return _links.TryLinkCounting(slot, target, count.Address);
    }

    /// <summary>Sets a counter cell (a shared count-down's remaining uses).</summary>
    public void WriteCounter(ExitCounter counter, long value) => DataCells.WriteRelease(counter.Address, value);

    /// <summary>
    /// <c>--link reemit</c>: emits <paramref name="region"/> (current units) again as one new unit
    /// whose linked sites are direct, records where each of their labels now is, and points every
    /// slot that led into them at the new copy. The old copies stay valid and are never modified.
    /// </summary>
    public bool TryReemit(IReadOnlyList<UnitRecipe> region, out Reemission? reemission)
    {
        if (_reemitter is null || Recipes is null)
            throw new InvalidOperationException("re-emission needs --link reemit");
        if (region.Count == 0 || region.Any(r => !r.IsCurrent))
            throw new ArgumentException("only current units are emitted again", nameof(region));
        if (!_reemitter.TryReemit(region, _links.TargetOf, Recipes, out reemission)) return false;
        Counters.UnitsReemitted++;
        Counters.BytesReemitted += reemission!.Copy.Code.Size;
        Counters.BytesSuperseded += region.Sum(r => (long)r.Code.Size);
        return true;
    }

    /// <summary><c>--link reemit</c>: moves the return addresses of the machine-code activations
    /// around a lazy-stub call into the newest copies of their units; <paramref name="stubFrame"/>
    /// is the exit-record pointer the stub passed. Returns how many moved.</summary>
    public int RedirectReturnAddresses(nint stubFrame)
    {
        if (_callChain is null || Recipes is null) return 0;
        int moved = _callChain.Redirect(stubFrame, Recipes);
        Counters.ReturnAddressesRedirected += moved;
        return moved;
    }

    public nint ReadSlot(IndirectSlot slot) => (nint)DataCells.Read(slot.Address);

    /// <summary>A zeroed counter that machine code increments; false, counted, when the data region is full.</summary>
    public bool TryAllocateCounter(string name, out ExitCounter counter)
    {
        counter = default;
        if (!TryAllocateCell(out nint cell)) return false;
        counter = new ExitCounter(cell);
        Symbols.Add(cell, $"counter:{name}");
        Counters.CountersAllocated++;
        return true;
    }

    public long Read(ExitCounter counter) => DataCells.Read(counter.Address);

    private readonly Dictionary<long, nint> _constantCells = [];

    /// <summary>A data cell holding the 8 bytes <paramref name="bits"/> (a float constant machine code
    /// loads rip-relative with one instruction), shared by every use of the same bits and never written
    /// again; false, counted, when the data region is full.</summary>
    public bool TryConstantCell(long bits, out nint cell)
    {
        if (_constantCells.TryGetValue(bits, out cell)) return true;
        if (!TryAllocateCell(out cell)) return false;
        DataCells.WriteRelease(cell, bits);
        _constantCells.Add(bits, cell);
        Symbols.Add(cell, $"constant:{BitConverter.Int64BitsToDouble(bits):R}");
        return true;
    }

    /// <summary>Names a helper's address in disassembly.</summary>
    public void RegisterHelper(string name, nint address) => Symbols.Add(address, name);

    /// <summary>Every listing kept (with <see cref="BackendOptions.KeepListings"/>), in publication order.</summary>
    public IEnumerable<CodeListing> Listings => _listings?.Values ?? Enumerable.Empty<CodeListing>();

    public string Disassemble(PublishedCode code)
    {
        if (_listings is null || !_listings.TryGetValue(code.Start, out var listing))
            throw new InvalidOperationException("no listing: create the backend with KeepListings");
        return Disassembler.Disassemble(listing, Space.ReadPublished(code.Start, code.Size));
    }

    /// <summary>All kept listings disassembled, for <c>--dump-asm</c>.</summary>
    public string DisassembleAll()
    {
        var text = new StringBuilder();
        foreach (var listing in Listings) text.Append(Disassemble(listing.Code)).Append('\n');
        return text.ToString();
    }

    /// <summary>Published ranges whose bytes changed since publication (always empty unless something is badly wrong).</summary>
    public IReadOnlyList<PublishedRangeHash> FindModifiedCode() => Space.FindModifiedRanges();

    internal void OnPublished(CodeUnitBuilder unit, PublishedCode code, int padding)
    {
        Counters.UnitsPublished++;
        Counters.LinkSites += unit.LinkSites.Count;
        if (Options.LinkMode == LinkMode.Patch) _links.RecordPatchSites(unit, code);
        if (unit.KeepsRecipe && Recipes is not null)
        {
            var recipe = unit.KeepRecipe(code);
            recipe.Sequence = Counters.UnitsPublished;
            Recipes.Add(recipe);
        }
        Counters.BytesPublished += code.Size;
        Counters.PaddingBytes += padding;
        unit.CountStencils(Counters.StencilsByKindArray);
        Symbols.AddRange(code.Start, code.Size, code.Name);
        _perfMap?.Add(code.Start, code.Size, code.Name);
        _listings?.Add(code.Start, unit.CreateListing(code));
    }

    /// <summary>A retired unit is no longer listed (its pages may read as zeros).</summary>
    internal void ForgetListing(nint start) => _listings?.Remove(start);

    private bool TryAllocateCell(out nint cell)
    {
        if (Space.TryAllocateData(8, out cell)) return true;
        Counters.DataSpaceExhausted++;
        return false;
    }

    private nint PublishShared(string name, Stencil stencil, params ReadOnlySpan<Operand> operands)
    {
        _stubBuilder.Begin(name);
        _stubBuilder.Emit(stencil, operands);
        return _stubBuilder.TryPublish(out var code) ? code.Start
            : throw new InvalidOperationException("code space too small for the backend's own stubs");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint NoLazyCompiler(nint vm, nint frame, nint slot, ulong* exitRecord)
    {
        // SAFETY: the lazy stub passes a pointer to 8 bytes of its own stack frame.
        *exitRecord = new ExitRecord(ExitRecord.ReasonNoLazyCompiler, -1).Pack();
        return 0;
    }

    public void Dispose()
    {
        _perfMap?.Dispose();
        Space.Dispose();
    }
}
