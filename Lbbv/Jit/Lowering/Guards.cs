// Guard<Type>: the tests that prove what an op speculated on, each counted (a type test or a class
// check) and each failing to where the exit policy says.
using Lbbv.Backend.Emission;
using Lbbv.Backend.Stencils;
using Lbbv.Jit.Frames;
using Lbbv.Runtime;
using Lbbv.Types;

namespace Lbbv.Jit.Lowering;

internal sealed class Guards(Lowerer lowerer)
{
    private AbstractFrame Frame => lowerer.Frame;
    private StencilLibrary S => lowerer.Stencils;
    private CodeUnitBuilder Unit => lowerer.Unit;
    private Emitter Emitter => lowerer.Emitter;

    /// <summary>Where a guard of the current op goes when it fails (the frame's context here is the
    /// op's entry context, or what earlier guards of the op proved).</summary>
    public Operand Failure() => lowerer.Policy.GuardFailed(Frame.Context);

    /// <summary>Whether <paramref name="type"/> has a single-test guard (<see cref="Guard"/>).</summary>
    public static bool CanGuard(AbstractType type) => type is AbstractType.Int or AbstractType.Float or AbstractType.Bool
        or AbstractType.None or AbstractType.Heap or AbstractType.Bound or AbstractType.Str or AbstractType.List
        or AbstractType.Tuple or AbstractType.Dict or AbstractType.Instance or AbstractType.Function or AbstractType.Iterator
        or AbstractType.Integer;

    /// <summary>Emits a type guard for <paramref name="type"/> on <paramref name="slot"/>; false when
    /// the lattice type has no single-test guard (the caller then runs the op unspecialized).</summary>
    public bool Guard(int slot, AbstractType type, Operand fail)
    {
        // Proved since the op chose to guard it (an earlier guard of the same op on a copy of the same
        // value: `a * a` of a global): nothing to test.
        if (type != AbstractType.Bound && Frame.TypeOf(slot) == type) return true;
        if (type == AbstractType.Integer) return GuardInteger(slot, fail);
        Stencil? stencil = type switch
        {
            AbstractType.Int => S.Guards.Int,
            AbstractType.Float => S.Guards.Float,
            AbstractType.Bool => S.Guards.Bool,
            AbstractType.None => S.Guards.None,
            AbstractType.Heap => S.Guards.Object,
            AbstractType.Bound => S.Guards.NotEmpty,
            AbstractType.Str or AbstractType.List or AbstractType.Tuple or AbstractType.Dict or AbstractType.Instance
                or AbstractType.Function or AbstractType.Iterator => S.Guards.ObjectKind,
            _ => null,
        };
        if (stencil is null) return false;
        Emitter.CountTypeTest();
        if (stencil == S.Guards.ObjectKind)
            Unit.Emit(stencil, lowerer.Operands.In(slot), Operand.Imm((long)type.Guarantee().ObjectKind!.Value), fail);
        else
            Unit.Emit(stencil, lowerer.Operands.In(slot), fail);
        Frame.SetType(slot, type);
        Frame.NoteGuardedGlobal(slot, type);
        return true;
    }

    /// <summary>"An int or a big int" (Integer): the tag is Int, else the value is an object of the big
    /// int kind. One type test; a guard of its own in the statistics (`integer_guards_*`,
    /// `--dump-versions`), since a failure here means a value that is no int at all.</summary>
    private bool GuardInteger(int slot, Operand fail)
    {
        Emitter.CountTypeTest();
        var stats = lowerer.Statistics;
        stats.IntegerGuardsEmitted++;
        if (stats.IntegerGuards is { } counter) Unit.Emit(S.Counter.Increment, counter);
        lowerer.Tally.IntegerGuards.Add($"@{lowerer.Offset}:{SlotName(slot)}");
        // The int64 case stays inline; the kind test of a big int runs out of line and comes back.
        var value = lowerer.Operands.In(slot);
        var done = Unit.NewLabel();
        var notInt = Emitter.ColdPath(() =>
        {
            Unit.Emit(S.Guards.ObjectKind, value, Operand.Imm((long)RuntimeObjectKinds.BigInt), fail);
            Unit.Emit(S.Control.Jump, Operand.To(done));
        });
        Unit.Emit(S.Guards.Int, value, Operand.To(notInt));
        Unit.Bind(done);
        Frame.SetType(slot, AbstractType.Integer);
        return true;
    }

    private string SlotName(int slot)
    {
        var names = lowerer.Code.Code.Code.VarNames;
        return slot < names.Length ? names[slot] : $"s{slot - Frame.LocalCount}";
    }

    /// <summary>The guard of a slot's tag (a typed attribute slot's values all had it).</summary>
    public Stencil TagGuard(byte tag) => tag switch
    {
        RuntimeTags.Int => S.Guards.Int,
        RuntimeTags.Float => S.Guards.Float,
        RuntimeTags.Bool => S.Guards.Bool,
        RuntimeTags.None => S.Guards.None,
        RuntimeTags.Object => S.Guards.Object,
        _ => throw new ArgumentOutOfRangeException(nameof(tag)),
    };

    /// <summary>No class changed since the code was compiled (a property added to a class would change
    /// what a slot access means; a method reassigned, what a method load finds); once per stretch of
    /// code without calls.</summary>
    public void GuardClassVersion(int version)
    {
        if (Frame.ClassVersionChecked) return;
        lowerer.FlushOps();
        Unit.Emit(S.Guards.ClassVersion, Operand.Imm(version), lowerer.Policy.ClassVersionFailed(Frame.Context));
        lowerer.Tally.ClassVersionChecks++;
        Frame.NoteClassVersionChecked();
    }

    /// <summary>Guard.ClassIn on <paramref name="obj"/> for <paramref name="classes"/> (two to four).</summary>
    public void GuardClassIn(int obj, nint[] classes)
    {
        Emitter.CountClassCheck();
        // Fewer than four: the last class fills the rest.
        Operand Class(int i) => Operand.Imm(classes[Math.Min(i, classes.Length - 1)]);
        Unit.Emit(S.Guards.ClassIn, lowerer.Operands.In(obj), Class(0), Class(1), Class(2), Class(3), Failure());
    }

    /// <summary>The object in <paramref name="slot"/> is exactly <paramref name="expected"/>: a payload
    /// compare when the slot is known to hold a heap object (a class check), else a tag and payload
    /// test (a type test; an int whose value equals the pointer must not pass). Failure chains.</summary>
    public void GuardIdentity(int slot, Value expected)
    {
        bool heap = Frame.TypeOf(slot).IsSubtypeOf(AbstractType.Heap);
        if (heap) Emitter.CountClassCheck(); else Emitter.CountTypeTest();
        Unit.Emit(heap ? S.Guards.PayloadIs : S.Guards.ObjectIs, lowerer.Operands.In(slot), Operand.Imm(expected.Payload), Failure());
    }
}
