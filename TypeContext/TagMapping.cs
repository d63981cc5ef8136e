namespace Lbbv.Types;

/// <summary>Maps between runtime tags/kinds and abstract types.</summary>
public static class TagMapping
{
    /// <summary>The most precise abstract type of a live value. <paramref name="objectKind"/> is read
    /// only when <paramref name="tag"/> is Object. An unrecognized tag gives Unknown (always sound).</summary>
    public static AbstractType FromTag(byte tag, byte objectKind) => tag switch
    {
        RuntimeTags.Empty => AbstractType.Empty,
        RuntimeTags.Int => AbstractType.Int,
        RuntimeTags.Float => AbstractType.Float,
        RuntimeTags.Bool => AbstractType.Bool,
        RuntimeTags.None => AbstractType.None,
        RuntimeTags.Object => FromObjectKind(objectKind),
        _ => AbstractType.Unknown,
    };

    /// <summary>The abstract type of a heap object of the given kind; Heap for kinds the lattice lumps together.</summary>
    public static AbstractType FromObjectKind(byte objectKind) => objectKind switch
    {
        RuntimeObjectKinds.Str => AbstractType.Str,
        RuntimeObjectKinds.List => AbstractType.List,
        RuntimeObjectKinds.Tuple => AbstractType.Tuple,
        RuntimeObjectKinds.Dict => AbstractType.Dict,
        RuntimeObjectKinds.Instance => AbstractType.Instance,
        RuntimeObjectKinds.Function => AbstractType.Function,
        RuntimeObjectKinds.Iterator => AbstractType.Iterator,
        _ => AbstractType.Heap,
    };

    /// <summary>The tags (and object kind) every value of <paramref name="type"/> has.</summary>
    public static TagGuarantee Guarantee(this AbstractType type) => type switch
    {
        AbstractType.Unknown => new(RuntimeTags.Empty, RuntimeTags.Max, null),
        AbstractType.Empty => Single(RuntimeTags.Empty),
        AbstractType.Bound => new(RuntimeTags.Int, RuntimeTags.Max, null),
        AbstractType.None => Single(RuntimeTags.None),
        // Over-approximated (a big int is tag Object): Integer has no guard, only Int's.
        AbstractType.Integer => new(RuntimeTags.Int, RuntimeTags.Object, null),
        AbstractType.Int => Single(RuntimeTags.Int),
        AbstractType.Float => Single(RuntimeTags.Float),
        AbstractType.Bool => Single(RuntimeTags.Bool),
        AbstractType.Heap => Single(RuntimeTags.Object),
        AbstractType.Str => Object(RuntimeObjectKinds.Str),
        AbstractType.List => Object(RuntimeObjectKinds.List),
        AbstractType.Tuple => Object(RuntimeObjectKinds.Tuple),
        AbstractType.Dict => Object(RuntimeObjectKinds.Dict),
        AbstractType.Instance => Object(RuntimeObjectKinds.Instance),
        AbstractType.Function => Object(RuntimeObjectKinds.Function),
        AbstractType.Iterator => Object(RuntimeObjectKinds.Iterator),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a lattice element"),
    };

    private static TagGuarantee Single(byte tag) => new(tag, tag, null);
    private static TagGuarantee Object(byte kind) => new(RuntimeTags.Object, RuntimeTags.Object, kind);
}
