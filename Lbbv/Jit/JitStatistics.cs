using System.Diagnostics;
using Lbbv.Backend;
using Lbbv.Backend.Emission;
using Lbbv.Bytecode;

namespace Lbbv.Jit;

/// <summary>
/// The counters every JIT frontend shares (docs/LBBV.md, "Statistics", names them). Compile-side
/// counts are kept here; run-time counts live in data cells that machine code increments
/// (<see cref="ExitCounter"/>): exits always (every exit stencil bumps its reason's counter; returns only
/// when counting in code, CallOps.EmitReturnExit), the
/// rest only when counting in code is on (--stats). Helpers count into the run's
/// <see cref="JitRuntime"/>.
/// </summary>
public sealed class JitStatistics
{
    private readonly JitBackend _backend;
    private readonly JitRuntime _runtime;
    private readonly ExitCounter[] _exits = new ExitCounter[ExitReasons.Count];

    public JitStatistics(JitBackend backend, bool countInCode, JitRuntime runtime)
    {
        _backend = backend;
        _runtime = runtime;
        CountInCode = countInCode;
        for (int r = 1; r < ExitReasons.Count; r++)
            _exits[r] = Allocate($"exit:{ExitReasons.Name((ExitReason)r)}");
        if (countInCode)
        {
            TypeTestsExecuted = Allocate("type-tests-executed");
            ClassChecksExecuted = Allocate("class-checks-executed");
            IndirectJumps = Allocate("indirect-jumps");
            BytecodesInCode = Allocate("bytecodes-in-code");
            HelperCalls = Allocate("helper-calls");
            DirectCalls = Allocate("direct-calls");
            TypedReturns = Allocate("typed-returns");
            TypedReturnMisses = Allocate("typed-return-misses");
            TypedItemLoads = Allocate("typed-item-loads");
            TupleKindGuards = Allocate("tuple-kind-guards");
            ProvenIteratorSteps = Allocate("proven-iterator-steps");
            TypedIteratorSteps = Allocate("typed-iterator-steps");
            UntypedTupleUnpacks = Allocate("untyped-tuple-unpacks");
            TypedDerefLoads = Allocate("typed-deref-loads");
            TypedGlobalLoads = Allocate("typed-global-loads");
            ProvedGlobalLoads = Allocate("proved-global-loads");
            ProvedAttributeLoads = Allocate("proved-attribute-loads");
            ClassTypedAttributeLoads = Allocate("class-typed-attribute-loads");
            RecordClassChecksAvoided = Allocate("record-class-checks-avoided");
            ContextClassChecksAvoided = Allocate("context-class-checks-avoided");
            PolymorphicCacheHits = Allocate("polymorphic-cache-hits");
            IntegerGuards = Allocate("integer-guards");
            VirtualFrames = Allocate("virtual-frames");
            FramesMaterialized = Allocate("frames-materialized");
        }
    }

    public bool CountInCode { get; }
    public ExitCounter ExitCounter(ExitReason reason) => _exits[(int)reason];
    public ExitCounter? TypeTestsExecuted { get; }
    /// <summary>Class (shape) checks before instance attribute and method fast paths: counted apart
    /// from type tests, which test a value's tag or object kind (as the ECOOP 2015 paper counts).</summary>
    public ExitCounter? ClassChecksExecuted { get; }
    public ExitCounter? IndirectJumps { get; }
    public ExitCounter? BytecodesInCode { get; }
    public ExitCounter? HelperCalls { get; }
    /// <summary>Calls from machine code straight into a callee's machine code.</summary>
    public ExitCounter? DirectCalls { get; }
    /// <summary>Direct calls whose continuation ran typed by the callee's return (return versioning).</summary>
    public ExitCounter? TypedReturns { get; }
    /// <summary>Direct calls that expected a typed return and took the untyped continuation.</summary>
    public ExitCounter? TypedReturnMisses { get; }
    /// <summary>List items loaded typed by the list's element kind (list element kinds).</summary>
    public ExitCounter? TypedItemLoads { get; }
    /// <summary>Tuple element-kind guards run (UnpackSequence and item loads of tuples).</summary>
    public ExitCounter? TupleKindGuards { get; }
    /// <summary>ForIter steps on an iterator whose kind was proven on the path (no kind test).</summary>
    public ExitCounter? ProvenIteratorSteps { get; }
    /// <summary>ForIter steps on a list iterator whose items are typed by the list's element kind.</summary>
    public ExitCounter? TypedIteratorSteps { get; }
    /// <summary>Tuples of mixed kinds unpacked inline behind a count check (UnpackOps).</summary>
    public ExitCounter? UntypedTupleUnpacks { get; }
    /// <summary>Closure-cell loads typed by their variable's record (typed closure cells).</summary>
    public ExitCounter? TypedDerefLoads { get; }
    /// <summary>Module-global loads typed by the global's record (typed module globals).</summary>
    public ExitCounter? TypedGlobalLoads { get; }
    /// <summary>Global loads typed by this code's own earlier load, guard or store of the global (no test).</summary>
    public ExitCounter? ProvedGlobalLoads { get; }
    /// <summary>Attribute loads typed by what the same version proved of that attribute (no type test).</summary>
    public ExitCounter? ProvedAttributeLoads { get; }
    /// <summary>Attribute loads typed by their slot's class record (attribute slots typed by one class).</summary>
    public ExitCounter? ClassTypedAttributeLoads { get; }
    /// <summary>Attribute and method ops that skipped the class check of an object whose class came
    /// only from the class record of the slot it was loaded from.</summary>
    public ExitCounter? RecordClassChecksAvoided { get; }
    /// <summary>Attribute and method ops that skipped the class check of an object whose class came
    /// only from the version's type context (class knowledge across block edges and calls).</summary>
    public ExitCounter? ContextClassChecksAvoided { get; }
    /// <summary>Attribute and method loads served by a polymorphic inline cache's class entries.</summary>
    public ExitCounter? PolymorphicCacheHits { get; }
    /// <summary>"Int or big int" guards run (Integer speculated from a live big int, Guards.GuardInteger).</summary>
    public ExitCounter? IntegerGuards { get; }
    /// <summary>Inlined calls entered without pushing their frame, and such frames pushed after all
    /// (on an exit, a helper call or a call from inside the inlined code; docs/JIT-CORE.md).</summary>
    public ExitCounter? VirtualFrames { get; }
    public ExitCounter? FramesMaterialized { get; }

    /// <summary>What the lowering's register cache did (compile-time counts).</summary>
    public readonly Frames.RegisterCacheCounts RegisterCache = new();

    public long TypeTestsEmitted;
    public long ClassChecksEmitted;
    public long HelperCallsEmitted;
    public long DirectCallsEmitted;
    /// <summary>Return sites compiled reporting a proved type, and calls compiled expecting one.</summary>
    public long TypedReturnSitesEmitted;
    public long TypedContinuationsEmitted;
    /// <summary>Element-kind guards on lists, and item loads typed by a list's element kind.</summary>
    public long ListKindGuardsEmitted;
    /// <summary>Element-kind guards on tuples (their loads count in TypedItemLoads*).</summary>
    public long TupleKindGuardsEmitted;
    public long TypedItemLoadsEmitted;
    /// <summary>ForIter steps compiled for an iterator of a proven kind (ProvenIterators).</summary>
    public long ProvenIteratorStepsEmitted;
    /// <summary>ForIter steps compiled to type their item by the list's element kind (Iteration.ListNext*OfKind).</summary>
    public long TypedIteratorStepsEmitted;
    /// <summary>UnpackSequence of a tuple of mixed kinds compiled inline (count check, untyped items).</summary>
    public long UntypedTupleUnpacksEmitted;
    /// <summary>`for ... in range(...)` whose iterator machine code allocates (AllocationStencils).</summary>
    public long InlineRangeIteratorsEmitted;
    /// <summary>`for ... in xs` whose list iterator machine code allocates (AllocationStencils).</summary>
    public long InlineListIteratorsEmitted;
    /// <summary>Class calls whose instance machine code allocates (AllocationStencils.NewInstance).</summary>
    public long InlineInstancesEmitted;
    /// <summary>Two-bound slices that machine code makes when the container is a list (AllocationStencils.ListSlice).</summary>
    public long InlineListSlicesEmitted;
    /// <summary>Closure-cell loads compiled typed by their variable's record (CellOps).</summary>
    public long TypedDerefLoadsEmitted;
    /// <summary>Module-global loads compiled typed by the global's record (GlobalOps).</summary>
    public long TypedGlobalLoadsEmitted;
    /// <summary>`isinstance` class tuples built at compile time, and its calls folded to a constant
    /// (BuiltinCallOps).</summary>
    public long ConstantClassTuplesEmitted;
    public long IsInstanceFoldsEmitted;
    /// <summary>Attribute loads compiled typed by a proof of the same version (AttributeTypes).</summary>
    public long ProvedAttributeLoadsEmitted;
    /// <summary>Attribute loads compiled typed by their slot's class record, and the class checks
    /// compiled away because of one (AttributeOps).</summary>
    public long ClassTypedAttributeLoadsEmitted;
    public long RecordClassChecksAvoidedEmitted;
    public long ContextClassChecksAvoidedEmitted;
    /// <summary>Polymorphic inline caches compiled, and the class entries in them.</summary>
    public long PolymorphicCachesEmitted;
    public long PolymorphicCacheEntriesEmitted;
    /// <summary>"Int or big int" guards compiled.</summary>
    public long IntegerGuardsEmitted;
    /// <summary>Inlined calls compiled without a frame push, and the places compiled to push it after all.</summary>
    public long VirtualFramesEmitted;
    public long FrameMaterializationsEmitted;
    /// <summary>Branch `spectral`: virtual frames put in the frame stack's reserve (no room check).</summary>
    public long VirtualFramesInReserveEmitted;
    /// <summary>Branch `spectral`: arguments of virtual frames read from the caller's slot, not copied.</summary>
    public long ArgumentsReadInPlaceEmitted;
    /// <summary>Branch `spectral`: int ops that took the result of the same op on the same locals just
    /// before.</summary>
    public long RepeatedIntOpsReusedEmitted;
    /// <summary>Branch `spectral`: range steps into a loop variable that already holds the int tag.</summary>
    public long RangeStepsPayloadOnlyEmitted;
    /// <summary>Issue 19, spectral second pass: float divisions whose divisor needed no float zero test
    /// (a nonzero constant, or an int tested before its conversion).</summary>
    public long DivisorsProvedNonZeroEmitted;
    /// <summary>Issue 19, spectral second pass: float constants loaded from a data cell (one movsd).</summary>
    public long FloatConstantsFromCellsEmitted;
    /// <summary>Issue 19, branch `spectral`: float list items loaded straight into a cache register.</summary>
    public long FloatItemLoadsEmitted;
    /// <summary>Typed call continuations whose caller entries stay pending on the straight way back.</summary>
    public long PendingKeptAcrossReturnsEmitted;
    /// <summary>Caller locals typed by what an inlined callee proved of the argument they passed.</summary>
    public long ArgumentTypesGivenBackEmitted;
    /// <summary>Other styles (issue 20, branch `styles`): calls that run no Python code and keep what was
    /// known of lists across them; comparisons of strs typed Bool (their branch tests nothing).</summary>
    public long PureCallsKeepingKindsEmitted;
    public long StrComparesTypedEmitted;
    /// <summary>Module-global loads with no test, typed by this code's own earlier load, guard or store
    /// of the global (no call or helper in between).</summary>
    public long ProvedGlobalLoadsEmitted;
    public long StubHits;
    public long Entries;
    public readonly Stopwatch CompileTime = new();

    /// <summary>Exits to the interpreter by reason, seen by the tier or by FinishCall.</summary>
    public long[] ExitsSeen => _runtime.ExitsSeen;
    /// <summary>Helper calls by the op they ran.</summary>
    public long[] HelperCallsByOp => _runtime.HelperCallsByOp;

    public long Read(ExitCounter? counter) => counter is { } c ? _backend.Read(c) : 0;

    /// <summary>The shared counters under <paramref name="prefix"/> (`lbbv_`), in report order;
    /// <paramref name="interpreterBytecodes"/> are those the interpreter ran, for the share in machine code.</summary>
    public IEnumerable<KeyValuePair<string, long>> Counters(string prefix, long interpreterBytecodes)
    {
        yield return new($"{prefix}type_tests_emitted", TypeTestsEmitted);
        yield return new($"{prefix}type_tests_executed", Read(TypeTestsExecuted));
        yield return new($"{prefix}class_checks_emitted", ClassChecksEmitted);
        yield return new($"{prefix}class_checks_executed", Read(ClassChecksExecuted));
        yield return new($"{prefix}helper_calls_emitted", HelperCallsEmitted);
        yield return new($"{prefix}helper_calls_executed", Read(HelperCalls));
        yield return new($"{prefix}direct_calls_emitted", DirectCallsEmitted);
        yield return new($"{prefix}direct_calls_executed", Read(DirectCalls));
        yield return new($"{prefix}typed_return_sites_emitted", TypedReturnSitesEmitted);
        yield return new($"{prefix}typed_continuations_emitted", TypedContinuationsEmitted);
        yield return new($"{prefix}typed_continuations_executed", Read(TypedReturns));
        yield return new($"{prefix}typed_continuation_misses_executed", Read(TypedReturnMisses));
        yield return new($"{prefix}list_kind_guards_emitted", ListKindGuardsEmitted);
        yield return new($"{prefix}tuple_kind_guards_emitted", TupleKindGuardsEmitted);
        yield return new($"{prefix}tuple_kind_guards_executed", Read(TupleKindGuards));
        yield return new($"{prefix}typed_item_loads_emitted", TypedItemLoadsEmitted);
        yield return new($"{prefix}typed_item_loads_executed", Read(TypedItemLoads));
        yield return new($"{prefix}proven_iterator_steps_emitted", ProvenIteratorStepsEmitted);
        yield return new($"{prefix}proven_iterator_steps_executed", Read(ProvenIteratorSteps));
        yield return new($"{prefix}typed_iterator_steps_emitted", TypedIteratorStepsEmitted);
        yield return new($"{prefix}typed_iterator_steps_executed", Read(TypedIteratorSteps));
        yield return new($"{prefix}untyped_tuple_unpacks_emitted", UntypedTupleUnpacksEmitted);
        yield return new($"{prefix}untyped_tuple_unpacks_executed", Read(UntypedTupleUnpacks));
        yield return new($"{prefix}inline_range_iterators_emitted", InlineRangeIteratorsEmitted);
        yield return new($"{prefix}inline_list_iterators_emitted", InlineListIteratorsEmitted);
        yield return new($"{prefix}inline_instances_emitted", InlineInstancesEmitted);
        yield return new($"{prefix}inline_list_slices_emitted", InlineListSlicesEmitted);
        yield return new($"{prefix}typed_deref_loads_emitted", TypedDerefLoadsEmitted);
        yield return new($"{prefix}typed_deref_loads_executed", Read(TypedDerefLoads));
        yield return new($"{prefix}typed_global_loads_emitted", TypedGlobalLoadsEmitted);
        yield return new($"{prefix}typed_global_loads_executed", Read(TypedGlobalLoads));
        yield return new($"{prefix}constant_class_tuples_emitted", ConstantClassTuplesEmitted);
        yield return new($"{prefix}isinstance_folds_emitted", IsInstanceFoldsEmitted);
        yield return new($"{prefix}proved_attribute_loads_emitted", ProvedAttributeLoadsEmitted);
        yield return new($"{prefix}proved_attribute_loads_executed", Read(ProvedAttributeLoads));
        yield return new($"{prefix}class_typed_attribute_loads_emitted", ClassTypedAttributeLoadsEmitted);
        yield return new($"{prefix}class_typed_attribute_loads_executed", Read(ClassTypedAttributeLoads));
        yield return new($"{prefix}record_class_checks_avoided_emitted", RecordClassChecksAvoidedEmitted);
        yield return new($"{prefix}record_class_checks_avoided_executed", Read(RecordClassChecksAvoided));
        yield return new($"{prefix}context_class_checks_avoided_emitted", ContextClassChecksAvoidedEmitted);
        yield return new($"{prefix}context_class_checks_avoided_executed", Read(ContextClassChecksAvoided));
        yield return new($"{prefix}polymorphic_caches_emitted", PolymorphicCachesEmitted);
        yield return new($"{prefix}polymorphic_cache_entries_emitted", PolymorphicCacheEntriesEmitted);
        yield return new($"{prefix}pure_calls_keeping_kinds_emitted", PureCallsKeepingKindsEmitted);
        yield return new($"{prefix}str_compares_typed_emitted", StrComparesTypedEmitted);
        yield return new($"{prefix}proved_global_loads_emitted", ProvedGlobalLoadsEmitted);
        yield return new($"{prefix}proved_global_loads_executed", Read(ProvedGlobalLoads));
        yield return new($"{prefix}polymorphic_cache_hits_executed", Read(PolymorphicCacheHits));
        yield return new($"{prefix}integer_guards_emitted", IntegerGuardsEmitted);
        yield return new($"{prefix}integer_guards_executed", Read(IntegerGuards));
        yield return new($"{prefix}virtual_frames_emitted", VirtualFramesEmitted);
        yield return new($"{prefix}virtual_frames_executed", Read(VirtualFrames));
        yield return new($"{prefix}virtual_frames_in_reserve_emitted", VirtualFramesInReserveEmitted);
        yield return new($"{prefix}arguments_read_in_place_emitted", ArgumentsReadInPlaceEmitted);
        yield return new($"{prefix}repeated_int_ops_reused_emitted", RepeatedIntOpsReusedEmitted);
        yield return new($"{prefix}range_steps_payload_only_emitted", RangeStepsPayloadOnlyEmitted);
        yield return new($"{prefix}divisors_proved_nonzero_emitted", DivisorsProvedNonZeroEmitted);
        yield return new($"{prefix}float_constants_from_cells_emitted", FloatConstantsFromCellsEmitted);
        yield return new($"{prefix}frame_materializations_emitted", FrameMaterializationsEmitted);
        yield return new($"{prefix}frames_materialized_executed", Read(FramesMaterialized));
        yield return new($"{prefix}float_item_loads_emitted", FloatItemLoadsEmitted);
        yield return new($"{prefix}pending_kept_across_returns_emitted", PendingKeptAcrossReturnsEmitted);
        yield return new($"{prefix}argument_types_given_back_emitted", ArgumentTypesGivenBackEmitted);
        yield return new($"{prefix}indirect_jumps_executed", Read(IndirectJumps));
        yield return new($"{prefix}stub_hits", StubHits);
        yield return new($"{prefix}entries_from_interpreter", Entries);
        long inCode = Read(BytecodesInCode);
        yield return new($"{prefix}bytecodes_in_machine_code", inCode);
        long total = inCode + interpreterBytecodes;
        yield return new($"{prefix}percent_bytecodes_in_machine_code_x100", total == 0 ? 0 : inCode * 10000 / total);
        for (int r = 1; r < ExitReasons.Count; r++)
            yield return new($"{prefix}exits_{ExitReasons.Name((ExitReason)r)}", ExitsSeen[r]);
        for (int op = 0; op < HelperCallsByOp.Length; op++)
            if (HelperCallsByOp[op] > 0) yield return new($"{prefix}helper_{(Opcode)op}", HelperCallsByOp[op]);
        yield return new($"{prefix}code_bytes", _backend.Counters.BytesPublished);
        yield return new($"{prefix}slots_allocated", _backend.Counters.SlotsAllocated);
        foreach (var counter in LinkCounters(prefix)) yield return counter;
        foreach (var counter in RegisterCache.Counters(prefix)) yield return counter;
        yield return new($"{prefix}compile_time_us", (long)(CompileTime.Elapsed.TotalMilliseconds * 1000));
    }

    /// <summary>What linking did, in every mode (docs/LINKING.md).</summary>
    private IEnumerable<KeyValuePair<string, long>> LinkCounters(string prefix)
    {
        var linker = _runtime.Linker;
        var backend = _backend.Counters;
        yield return new($"{prefix}link_mode", (long)_backend.LinkMode);
        yield return new($"{prefix}link_sites", backend.LinkSites);
        yield return new($"{prefix}links_patched", backend.LinksPatched);
        yield return new($"{prefix}hot_links", linker?.HotLinks ?? 0);
        yield return new($"{prefix}stale_hot_links", linker?.StaleHotLinks ?? 0);
        yield return new($"{prefix}hot_link_batches", linker?.Batches ?? 0);
        yield return new($"{prefix}units_reemitted", backend.UnitsReemitted);
        yield return new($"{prefix}bytes_reemitted", backend.BytesReemitted);
        yield return new($"{prefix}bytes_superseded", backend.BytesSuperseded);
        yield return new($"{prefix}code_bytes_in_use", backend.BytesInUse);
        yield return new($"{prefix}bytes_reclaimed", backend.BytesReclaimed);
        yield return new($"{prefix}code_bytes_released", _backend.Space.ReleasedBytes);
        yield return new($"{prefix}copy_collections", backend.CopyCollections);
        yield return new($"{prefix}return_addresses_redirected", backend.ReturnAddressesRedirected);
        yield return new($"{prefix}link_time_us", (long)((linker?.LinkTime.Elapsed.TotalMilliseconds ?? 0) * 1000));
    }

    private ExitCounter Allocate(string name) =>
        _backend.TryAllocateCounter(name, out var counter) ? counter : throw new InvalidOperationException("data space exhausted");
}
