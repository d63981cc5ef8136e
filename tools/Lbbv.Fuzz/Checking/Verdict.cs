using Lbbv.Cli;
using Lbbv.Fuzz.Running;

namespace Lbbv.Fuzz.Checking;

/// <summary>How a configuration failed to match the reference.</summary>
public enum DivergenceKind { Output, Hang, Crash }

/// <summary>Whose bug a divergence is: the runtime's (the interpreter differs from CPython, so every
/// engine does), the JIT's (the interpreter matches, a JIT configuration does not), or the
/// generator's (the reference itself failed: a program outside the subset or one that hangs).</summary>
public enum BugClass { Runtime, Jit, Generator }

/// <summary>How one configuration diverged; for differing output, the first differing stdout line
/// on each side (null past the end).</summary>
public sealed record Divergence(string Config, DivergenceKind Kind, string Detail, string? Expected = null,
    string? Actual = null);

/// <summary>The comparison of one program's outcomes with the reference's (CPython, or the
/// interpreter when python3 is absent).</summary>
public sealed record Verdict(string Reference, Outcome? ReferenceOutcome, IReadOnlyList<Divergence> Divergences,
    string? GeneratorProblem)
{
    public bool Clean => Divergences.Count == 0 && GeneratorProblem == null;

    public BugClass Class =>
        GeneratorProblem != null ? BugClass.Generator
        : Divergences.Any(d => d.Config == EngineConfigurations.Interpreter) ? BugClass.Runtime
        : BugClass.Jit;

    /// <summary>The divergence reports are about: the interpreter's if it diverges, else the first JIT
    /// configuration's (in the order of <see cref="EngineConfigurations.All"/>).</summary>
    public Divergence? Primary =>
        Divergences.FirstOrDefault(d => d.Config == EngineConfigurations.Interpreter) ?? Divergences.FirstOrDefault();
}
