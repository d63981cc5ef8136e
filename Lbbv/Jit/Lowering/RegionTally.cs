using Lbbv.Backend.Emission;

namespace Lbbv.Jit.Lowering;

/// <summary>What the lowering counts for the region it emits (a block version, a trace).</summary>
public sealed class RegionTally
{
    /// <summary>Type tests and class checks emitted.</summary>
    public int GuardsEmitted { get; internal set; }
    /// <summary>Class-version checks emitted (code that relies on classes and module globals as
    /// they were when it was compiled).</summary>
    public int ClassVersionChecks { get; internal set; }
    /// <summary>Bumped by machine code before each type test of the region when counting is on:
    /// where the dynamic type tests of a run are.</summary>
    public ExitCounter? TypeTests { get; init; }
    /// <summary>Calls whose continuation is typed by the callee's predicted return (return
    /// versioning), as `@offset:Type`, for --dump-versions.</summary>
    public List<string> TypedContinuations { get; } = [];
    /// <summary>Guards on a list's element kind (list element kinds), as `@offset:Type`.</summary>
    public List<string> ListKindGuards { get; } = [];
    /// <summary>Guards on a tuple's element kind, as `@offset:Type`.</summary>
    public List<string> TupleKindGuards { get; } = [];
    /// <summary>ForIter steps whose item is typed by the list's element kind, as `@offset:Type`.</summary>
    public List<string> TypedIteratorSteps { get; } = [];
    /// <summary>Where the region's type tests are, as `@offset:Op` (one per test emitted), for
    /// --dump-versions: which ops of a version still test types.</summary>
    public List<string> TypeTestSites { get; } = [];
    /// <summary>Closure-cell loads typed by their variable's record, as `@offset:name:Type`.</summary>
    public List<string> TypedDerefLoads { get; } = [];
    /// <summary>"Int or big int" guards (Integer speculated from a live big int), as `@offset:slot`.</summary>
    public List<string> IntegerGuards { get; } = [];
    /// <summary>Attribute loads typed by their slot's class record, as `@offset:name:Class`.</summary>
    public List<string> ClassTypedAttributeLoads { get; } = [];
}
