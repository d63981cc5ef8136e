using System.Diagnostics;
using Lbbv.Fuzz.Model;

namespace Lbbv.Fuzz.Shrinking;

/// <summary>Shrinks a failing program to a small one that fails the same way: greedy structural
/// reduction (<see cref="TreeEdits"/>) to a fixed point, checksum updates turned into prints, then
/// line-based delta debugging. Stops early when the time or test budget runs out, keeping the
/// smallest program found so far.</summary>
public sealed class Shrinker(Func<string, bool> stillFails, TimeSpan timeBudget, int testBudget)
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly Dictionary<string, bool> tested = [];

    public int Tests { get; private set; }

    bool OutOfBudget => clock.Elapsed > timeBudget || Tests >= testBudget;

    bool Fails(string text)
    {
        if (tested.TryGetValue(text, out bool known)) return known;
        Tests++;
        return tested[text] = stillFails(text);
    }

    public string Shrink(PyProgram program)
    {
        program = Greedy(program);
        var printing = TreeEdits.PrintInsteadOfMix(program);
        if (!OutOfBudget && Fails(printing.Render())) program = Greedy(printing);
        return LineReducer.Reduce(program.Render(), Fails, () => OutOfBudget);
    }

    /// <summary>Takes the first reduction that still fails and continues from the same position in
    /// the new program's list of reductions; ends after a full pass that finds nothing.</summary>
    PyProgram Greedy(PyProgram program)
    {
        int skip = 0;
        while (!OutOfBudget)
        {
            int index = 0;
            PyProgram? better = null;
            foreach (var candidate in TreeEdits.All(program))
            {
                if (index++ < skip) continue;
                if (OutOfBudget) return program;
                if (Fails(candidate.Render()))
                {
                    better = candidate;
                    break;
                }
            }
            if (better != null)
            {
                program = better;
                skip = index - 1;
            }
            else if (skip > 0) skip = 0;
            else break;
        }
        return program;
    }
}
