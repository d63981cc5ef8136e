// A frame in native memory: header, localsplus (locals, cells, free vars), operand stack.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lbbv.Runtime;

[StructLayout(LayoutKind.Explicit, Size = FrameLayout.HeaderSize)]
public unsafe struct Frame
{
    [FieldOffset(FrameLayout.Back)] public Frame* Back;
    [FieldOffset(FrameLayout.Function)] public nint Function;
    [FieldOffset(FrameLayout.CodeId)] public int CodeId;
    [FieldOffset(FrameLayout.Ip)] public int Ip;
    [FieldOffset(FrameLayout.Sp)] public Value* Sp;
    [FieldOffset(FrameLayout.Globals)] public nint Globals;
    [FieldOffset(FrameLayout.Locals)] public nint Locals;
    [FieldOffset(FrameLayout.Generator)] public nint Generator;
    [FieldOffset(FrameLayout.Flags)] public int Flags;
    [FieldOffset(FrameLayout.SlotCount)] public int SlotCount;

    public const int FlagYielded = 1;    // the last Execute ended in a yield (generator frames)
    public const int FlagOwned = 2;      // allocated outside the frame stack (generator frames)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SizeFor(CodeRuntime code) => FrameLayout.HeaderSize + (code.SlotCount + code.MaxStack) * Layout.ValueSize;

    // SAFETY: localsplus and the operand stack follow the header inside the frame's allocation, and a
    // frame lives in native memory only (the frame stack or a generator's block), never on the GC heap,
    // so `this` needs no pinning (a `fixed` here kept a pinned stack slot in the interpreter loop).
    public Value* LocalsPlus
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Value*)((byte*)Unsafe.AsPointer(ref this) + FrameLayout.HeaderSize);
    }
    public Value* StackBase { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => LocalsPlus + SlotCount; }
    public CodeRuntime Code => CodeRuntime.All[CodeId];

    /// <summary>Initializes a frame's header and clears its localsplus.</summary>
    public static void Init(Frame* f, CodeRuntime code, nint function, nint globals)
    {
        // SAFETY: f points at Frame.SizeFor(code) writable bytes.
        f->Back = ThreadState.Current;
        f->Function = function;
        f->CodeId = code.Id;
        f->Ip = 0;
        f->Globals = globals;
        f->Locals = 0;
        f->Generator = 0;
        f->Flags = 0;
        f->SlotCount = code.SlotCount;
        new Span<byte>(f->LocalsPlus, code.SlotCount * Layout.ValueSize).Clear();
        f->Sp = f->StackBase;
    }
}

/// <summary>The contiguous native stack of frames (generator frames live outside it).</summary>
public static unsafe class FrameStack
{
    const long Size = 512L << 20; // reserved virtual memory; pages are touched only as frames grow

    /// <summary>Bytes past the limit every push checks against: a frame that runs always has this much
    /// room above it, where JIT code puts an inlined leaf call's frame without checking for room
    /// (a virtual frame, docs/JIT-CORE.md "Virtual frames without a room check").</summary>
    public const int VirtualFrameReserve = 16 << 10;
    static byte* baseP;
    /// <summary>The first free byte (in <see cref="VmState"/>, where JIT calls push frames too).</summary>
    public static byte* Top { get => VmState.P->FrameTop; set => VmState.P->FrameTop = value; }
    static byte* limit { get => VmState.P->FrameLimit; set => VmState.P->FrameLimit = value; }

    public static void Init()
    {
        if (baseP == null)
        {
            // SAFETY: a plain reservation owned for the whole process (untouched pages cost no RSS).
            baseP = (byte*)NativeMemory.Alloc((nuint)Size);
        }
        limit = baseP + Size - VirtualFrameReserve;
        Top = baseP;
    }

    /// <summary>Allocates a frame for `code` at the top of the stack (uninitialized). It reads Top once
    /// and builds the overflow error out of line. (Native AOT still does not inline it or SizeFor into
    /// Calls.CallFunction, as the disassembly of the native binary shows.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Frame* Push(CodeRuntime code)
    {
        int size = Frame.SizeFor(code);
        byte* top = Top;
        if (top + size > limit) throw StackExhausted();
        Top = top + size;
        return (Frame*)top;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static PyException StackExhausted() => Errors.New(Types.RecursionError, "maximum recursion depth exceeded");

    public static void Pop(Frame* f) => Top = (byte*)f;
}
