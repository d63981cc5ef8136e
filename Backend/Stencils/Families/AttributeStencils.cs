using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Instance attribute slots behind a class check: the object must be an instance whose class
/// pointer is <c>class</c> and which has slot <c>attribute</c>; a load also requires the slot to
/// be bound. Anything else takes <c>slow</c> before any write.
/// </summary>
/// <remarks>Stores have no write barrier: the runtime's collector is non-moving and non-generational.</remarks>
public sealed class AttributeStencils : StencilFamily
{
    internal AttributeStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        Load = BuildLoad("Attribute.Load", SlotAccess.CheckClass);
        Store = BuildStore("Attribute.Store", SlotAccess.CheckClass);
        LoadKnownClass = BuildLoad("Attribute.LoadKnownClass", SlotAccess.KnownClass);
        StoreKnownClass = BuildStore("Attribute.StoreKnownClass", SlotAccess.KnownClass);
        LoadInBounds = BuildLoad("Attribute.LoadInBounds", SlotAccess.InBounds);
        StoreInBounds = BuildStore("Attribute.StoreInBounds", SlotAccess.InBounds);
        // The register cache's variants (XmmStencils): a float slot loaded into, or stored from, a
        // cache register, for each access and register.
        foreach (var access in Enum.GetValues<SlotAccess>())
            for (int r = 0; r < XmmStencils.Registers; r++)
            {
                string suffix = $"{access switch { SlotAccess.CheckClass => "", var a => a.ToString() }}.{XmmStencils.Name(r)}";
                _loadFloat[(int)access, r] = BuildLoadFloat($"Attribute.LoadFloat{suffix}", access, r);
                _storeFloat[(int)access, r] = BuildStoreFloat($"Attribute.StoreFloat{suffix}", access, r);
            }
    }

    private readonly Stencil[,] _loadFloat = new Stencil[3, XmmStencils.Registers];
    private readonly Stencil[,] _storeFloat = new Stencil[3, XmmStencils.Registers];

    /// <summary>Load, LoadKnownClass or LoadInBounds (by <paramref name="checkClass"/> and
    /// <paramref name="inBounds"/>) of a float slot into cache register <paramref name="register"/>:
    /// their operands without dst.</summary>
    public Stencil LoadFloat(bool checkClass, bool inBounds, int register) => _loadFloat[(int)Access(checkClass, inBounds), register];

    /// <summary>Store, StoreKnownClass or StoreInBounds of the float in cache register
    /// <paramref name="register"/> (payload and float tag): their operands without src.</summary>
    public Stencil StoreFloat(bool checkClass, bool inBounds, int register) => _storeFloat[(int)Access(checkClass, inBounds), register];

    private static SlotAccess Access(bool checkClass, bool inBounds) =>
        checkClass ? SlotAccess.CheckClass : inBounds ? SlotAccess.InBounds : SlotAccess.KnownClass;

    private Stencil BuildLoadFloat(string name, SlotAccess access, int register) => Build(name, StencilKind.Attribute, b =>
    {
        int obj = b.ValueSlot("object");
        ulong cls = access == SlotAccess.CheckClass ? b.Int64("class") : 0;
        int attribute = b.ValueSlot("attribute");
        ulong slow = b.CodeTarget("slow");
        LoadSlotsPointer(b, access, obj, cls, attribute, slow);
        b.Asm.cmp(__byte_ptr[rax + attribute + Layout.ValueTag], Layout.TagEmpty);
        b.Asm.je(slow);
        b.Asm.movsd(XmmStencils.Register(register), __qword_ptr[rax + attribute + Layout.ValuePayload]);
    });

    private Stencil BuildStoreFloat(string name, SlotAccess access, int register) => Build(name, StencilKind.Attribute, b =>
    {
        int obj = b.ValueSlot("object");
        ulong cls = access == SlotAccess.CheckClass ? b.Int64("class") : 0;
        int attribute = b.ValueSlot("attribute");
        ulong slow = access == SlotAccess.InBounds ? 0 : b.CodeTarget("slow");
        LoadSlotsPointer(b, access, obj, cls, attribute, slow);
        b.Asm.movsd(__qword_ptr[rax + attribute + Layout.ValuePayload], XmmStencils.Register(register));
        b.Asm.mov(__qword_ptr[rax + attribute + Layout.ValueTag], Layout.TagFloat);
    });

    /// <summary>What a stencil checks before it uses an instance slot.</summary>
    private enum SlotAccess
    {
        /// <summary>The object's tag and class, then that it has the slot.</summary>
        CheckClass,
        /// <summary>That it has the slot (its class was checked earlier).</summary>
        KnownClass,
        /// <summary>Nothing (it is known to have the slot).</summary>
        InBounds,
    }

    private Stencil BuildLoad(string name, SlotAccess access) => Build(name, StencilKind.Attribute, b =>
    {
        int obj = b.ValueSlot("object");
        ulong cls = access == SlotAccess.CheckClass ? b.Int64("class") : 0;
        int attribute = b.ValueSlot("attribute");
        int dst = b.ValueSlot("dst");
        ulong slow = b.CodeTarget("slow");
        LoadSlotsPointer(b, access, obj, cls, attribute, slow);
        b.Asm.cmp(__byte_ptr[rax + attribute + Layout.ValueTag], Layout.TagEmpty);
        b.Asm.je(slow);
        CopyValue(b, __[rax + attribute], __[r12 + dst]);
    });

    private Stencil BuildStore(string name, SlotAccess access) => Build(name, StencilKind.Attribute, b =>
    {
        int obj = b.ValueSlot("object");
        ulong cls = access == SlotAccess.CheckClass ? b.Int64("class") : 0;
        int attribute = b.ValueSlot("attribute");
        int src = b.ValueSlot("src");
        ulong slow = access == SlotAccess.InBounds ? 0 : b.CodeTarget("slow");
        LoadSlotsPointer(b, access, obj, cls, attribute, slow);
        CopyValue(b, __[r12 + src], __[rax + attribute]);
    });

    // Leaves the instance's slots pointer in rax.
    private void LoadSlotsPointer(StencilBuilder b, SlotAccess access, int obj, ulong cls, int attribute, ulong slow)
    {
        if (access == SlotAccess.CheckClass)
        {
            LoadCheckedSlots(b, obj, cls, attribute, slow);
            return;
        }
        b.Asm.mov(rax, __qword_ptr[r12 + obj + Layout.ValuePayload]);
        if (access == SlotAccess.KnownClass) LoadSlots(b, attribute, slow);
        else b.Asm.mov(rax, __qword_ptr[rax + Layout.InstanceSlots]);
    }

    /// <summary>(object, class:Int64, attribute:ValueSlot, dst, slow)</summary>
    public Stencil Load { get; }
    /// <summary>(object, attribute:ValueSlot, dst, slow): Load on an object whose class was checked earlier.</summary>
    public Stencil LoadKnownClass { get; }
    /// <summary>(object, attribute:ValueSlot, src, slow): Store on an object whose class was checked earlier.</summary>
    public Stencil StoreKnownClass { get; }
    /// <summary>(object, class:Int64, attribute:ValueSlot, src, slow)</summary>
    public Stencil Store { get; }
    /// <summary>(object, attribute:ValueSlot, dst, slow): LoadKnownClass on an object known to have
    /// the slot (an earlier access in this version checked a slot at least as high; slot arrays
    /// never shrink). Only the bound check is left.</summary>
    public Stencil LoadInBounds { get; }
    /// <summary>(object, attribute:ValueSlot, src): StoreKnownClass on an object known to have the slot.</summary>
    public Stencil StoreInBounds { get; }

    // Leaves the instance's slots pointer in rax.
    private void LoadCheckedSlots(StencilBuilder b, int obj, ulong cls, int attribute, ulong slow)
    {
        b.Asm.cmp(__byte_ptr[r12 + obj + Layout.ValueTag], Layout.TagObject);
        b.Asm.jne(slow);
        b.Asm.mov(rax, __qword_ptr[r12 + obj + Layout.ValuePayload]);
        b.Asm.mov(rcx, cls);
        b.Asm.cmp(__qword_ptr[rax + Layout.HeaderClass], rcx);
        b.Asm.jne(slow);
        LoadSlots(b, attribute, slow);
    }

    // rax = the instance; leaves its slots pointer in rax.
    private void LoadSlots(StencilBuilder b, int attribute, ulong slow)
    {
        // slot count * ValueSize <= attribute * ValueSize: this instance has no such slot yet.
        b.Asm.mov(rcx, __qword_ptr[rax + Layout.InstanceSlotCount]);
        b.Asm.shl(rcx, 4);
        b.Asm.cmp(rcx, attribute);
        b.Asm.jbe(slow);
        b.Asm.mov(rax, __qword_ptr[rax + Layout.InstanceSlots]);
    }
}
