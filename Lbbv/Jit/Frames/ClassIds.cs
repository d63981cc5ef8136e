using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Frames;

/// <summary>Small numbers for classes, so that a <see cref="TypeContext"/> can name the class of a slot's
/// object in 11 bits (one table per LBBV tier: a callee's entry context names classes as its callers
/// do). A numbered class is kept alive for the run: machine code compares against its address.</summary>
public sealed class ClassIds(JitRuntime runtime)
{
    private readonly Dictionary<nint, int> _ids = [];
    private readonly List<nint> _classes = [0];

    /// <summary>The id of <paramref name="cls"/>, numbering it when new; 0 when the table is full.</summary>
    public int IdOf(nint cls)
    {
        if (cls == 0) return 0;
        if (_ids.TryGetValue(cls, out int id)) return id;
        if (_classes.Count > TypeContext.MaxClassId) return 0;
        runtime.KeepAlive(ClassObject.FromPtr(cls).Self);
        id = _classes.Count;
        _classes.Add(cls);
        _ids[cls] = id;
        return id;
    }

    /// <summary>The class numbered <paramref name="id"/> (0: none).</summary>
    public nint ClassOf(int id) => id > 0 && id < _classes.Count ? _classes[id] : 0;

    /// <summary>The name of the class numbered <paramref name="id"/>, for dumps.</summary>
    public string NameOf(int id) => ClassOf(id) is not 0 and var cls ? ClassObject.FromPtr(cls).Name : $"#{id}";
}
